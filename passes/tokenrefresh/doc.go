// Package tokenrefresh defines an Analyzer that reports OAuth2 access
// tokens fetched once and kept until they expire.
//
// # Analyzer tokenrefresh
//
// tokenrefresh: check for access tokens fetched once and kept past expiry
//
// An OAuth2 access token expires, typically within an hour. Code that
// fetches one at start-up and keeps it works in every test and then, an
// hour into production, every call fails with codes.Unauthenticated
// until the process restarts. Tokens must be fetched per call by a
// refresher: a PerRPCCredentials whose GetRequestMetadata fetches (such as
// oauth.TokenSource over a refreshing oauth2.TokenSource), an
// oauth2.TokenSource's Token method, a client interceptor (grpc-go's, or
// the function a Connect interceptor wraps each call with: a
// connect.UnaryFunc or StreamingClientFunc), or an http.RoundTripper.
//
// A fetch is Token() on any oauth2.TokenSource (the interface or a type
// implementing it), (*oauth2.Config).Exchange and
// PasswordCredentialsToken, (*clientcredentials.Config).Token,
// cloud.google.com/go/auth's TokenProvider.Token (also through
// auth.Credentials), the functions named with -fetcher, and every
// function, in this package or another, that returns a token it fetched
// or its access-token string: a call of such a wrapper is a fetch.
//
// So is a call of a function that fetches and returns a freshly built
// value holding the access token: a value of another package's type (a
// per-use wrapper, return &rest.Config{BearerToken: tok.AccessToken},
// nil, or another library's refresher, such as a Kafka SASL/OAUTHBEARER
// provider's Token() (*sarama.AccessToken, error), which the library
// calls whenever it needs a token), or of the package's own type when
// that type is named for a token, credentials or a configuration
// (AccessToken, Credentials, Config) or the function is named like a
// refresher (Token, GetToken, FetchCredentials). The function itself is
// not reported; a caller, in its package or another, that keeps what it
// returns in a package variable or a field of its receiver is, and the
// message names the function to call for each use instead. A caller that
// uses the value within the call is right. A value of the package's own
// type otherwise (its client, its options), or of a type named for a
// client, an API, a connection, a server, a service, a session, a source
// or a provider, is the package's long-lived state: the token in it is
// reported at the fetch.
//
// The analyzer reports a fetch, outside a refresher, whose token is
// frozen:
//
//   - `frozen-token`: the token reaches oauth.NewOauthAccess or
//     oauth2.StaticTokenSource (also inside oauth.TokenSource{...}) and
//     what they build is kept: returned, stored, or built into a
//     connection or client that is;
//   - `kept-token`: its access-token string (tok.AccessToken, auth.Token.Value, or a
//     string built from it such as "Bearer " + tok.AccessToken) is kept
//     where it outlives the call: a package variable, a field of the
//     receiver, a struct literal that is stored or returned, a
//     PerRPCCredentials, TokenSource or RoundTripper value of your own, a
//     metadata.MD, http.Header or outgoing context kept in one of those
//     places, or a client interceptor closure that captures it;
//   - `kept-result`: it is a call of a function that fetches and returns
//     a fresh value holding the access token (above), and the caller
//     keeps that value where it outlives the call; the message names the
//     function to call for each use instead.
//
// Tokens are followed through local variables, through the functions of
// the same package they are passed to (setters, constructors, formatting
// helpers), and through the exported functions of other packages that
// take an *oauth2.Token or *auth.Token. Every finding means that calls
// fail with codes.Unauthenticated once the token expires; the message
// says where it is frozen or kept, and one refreshing alternative for
// the kind of fetch (the others are under Good below); where it is kept, when on another line than the fetch, is
// also the finding's related location. There is no suggested fix: the
// rewrite changes when tokens are fetched and where errors surface.
//
// Not reported, because the token is refreshed or does not outlive it:
//
//   - fetches in refreshers, including other libraries' refreshers and
//     per-use wrappers (above) and callbacks a library calls per use
//     (a database driver's token callback);
//   - a stored *oauth2.Token, or a struct holding one: it carries its
//     refresh token;
//   - tokens given to (*oauth2.Config).TokenSource, (*oauth2.Config).Client,
//     oauth2.ReuseTokenSource or ReuseTokenSourceWithExpiry;
//   - caches: functions and types that check Valid(), IsValid() or the
//     token's expiry, and the functions they call;
//   - refresh loops: a function that sleeps or uses a ticker or timer, and
//     the functions it calls;
//   - a token used for the current call only: request headers, outgoing
//     metadata, fields of a parameter (the caller's request), a request,
//     connection or client that does not outlive the call, a generated
//     response message;
//   - a fetch in the branch of an if whose condition names a static-token
//     option (if isStaticToken {...}): asked for on purpose;
//   - one-shot programs that fetch in main and exit (a main that serves or
//     loops forever is reported);
//   - _test.go files, unless -tests is set.
//
// When the analyzer cannot tell where a token goes (a string passed to a
// function of another package, a channel), it stays silent.
//
// # Bad
//
//	tok, err := ts.Token()
//	if err != nil {
//		return nil, err
//	}
//	// the token is sent until it expires, then every RPC fails
//	return grpc.NewClient(addr, grpc.WithPerRPCCredentials(oauth.NewOauthAccess(tok)))
//
//	func (c *Client) Login(ctx context.Context) error {
//		tok, err := c.cfg.PasswordCredentialsToken(ctx, c.user, c.pass)
//		if err != nil {
//			return err
//		}
//		c.bearer = "Bearer " + tok.AccessToken // kept for the life of c
//		return nil
//	}
//
// # Good
//
// Give gRPC the token source, not a token: oauth.TokenSource fetches per
// call (ReuseTokenSource caches the token until it expires).
//
//	creds := oauth.TokenSource{TokenSource: oauth2.ReuseTokenSource(nil, ts)}
//	return grpc.NewClient(addr, grpc.WithPerRPCCredentials(creds))
//
// After an exchange, keep the source that refreshes the token;
// (*clientcredentials.Config).TokenSource(ctx) fetches a new one when
// one expires.
//
//	tok, err := cfg.Exchange(ctx, code)
//	if err != nil {
//		return nil, err
//	}
//	creds := oauth.TokenSource{TokenSource: cfg.TokenSource(ctx, tok)}
//
// Or fetch in a refresher of your own: a PerRPCCredentials whose
// GetRequestMetadata fetches (also over a cloud.google.com/go/auth
// token provider, cached with auth.NewCachedTokenProvider), a client
// interceptor, or an http.RoundTripper.
//
//	func (c tokenCreds) GetRequestMetadata(ctx context.Context, _ ...string) (map[string]string, error) {
//		tok, err := c.tp.Token(ctx)
//		if err != nil {
//			return nil, err
//		}
//		return map[string]string{"authorization": "Bearer " + tok.Value}, nil
//	}
//
//	func (c *Client) Login(ctx context.Context) error {
//		tok, err := c.cfg.PasswordCredentialsToken(ctx, c.user, c.pass)
//		if err != nil {
//			return err
//		}
//		c.ts = c.cfg.TokenSource(ctx, tok) // refreshes with tok.RefreshToken
//		return nil
//	}
//
// # Flags
//
// -tokenrefresh.tests (setting tests): also report fetches in _test.go
// files. Off by default: a test finishes long before its token expires.
//
// -tokenrefresh.fetcher (setting fetcher, a list): a function or method
// of yours that fetches a token, in types.Func.FullName notation, such as
// "example.com/auth.FetchToken" or "(*example.com/auth.Client).Token";
// drop the * for value receivers and interfaces, and name methods of
// generic types without their type parameters. A fetcher that returns a
// string returns the access token itself. Repeatable; a value may hold
// several entries separated by commas. A malformed entry is an error
// naming it, when the flag is parsed or, for the golangci-lint setting,
// when the analyzer runs.
//
// Suppress a finding with a reason:
//
//	//grpcauthlint:ignore tokenrefresh the token lives for this batch job only
package tokenrefresh
