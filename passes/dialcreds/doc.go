// Package dialcreds defines an Analyzer that checks that gRPC client
// connections carry credentials.
//
// # Analyzer dialcreds
//
// dialcreds: check that gRPC client connections send credentials
//
// A client connection built with no way to attach a token works against a
// local server with auth off and fails with codes.Unauthenticated in
// production.
// The analyzer follows the options given to grpc.NewClient, grpc.Dial and
// grpc.DialContext (direct arguments, option slices built in the same
// function with literals, append and spreads, also under conditions, and
// helpers and package-level option variables of the same or other
// packages, summarised with facts) and reports:
//
//   - `no-credentials`: a connection whose options carry no per-RPC
//     credentials (WithPerRPCCredentials, WithCredentialsBundle,
//     WithDefaultCallOptions(grpc.PerRPCCredentials(...))), no client
//     interceptor that may add them and no transport that authenticates
//     the client itself (TLS with client certificates, ALTS, xDS), in a
//     package that attaches credentials per call instead
//     ("authorization", or an -auth-key, metadata on outgoing contexts,
//     grpc.PerRPCCredentials call options): a call that forgets them
//     fails with codes.Unauthenticated. With -dialcreds.all-connections
//     such connections are reported in every package: a server that
//     requires auth answers each of their RPCs with
//     codes.Unauthenticated. Not evidence of per-call auth: credentials
//     that differ per caller (the caller's own token forwarded from the
//     incoming metadata, a context value or an HTTP request, and
//     credentials built from a parameter of a non-string type, such as
//     the user a call acts as; a string parameter is taken as the
//     package's token passed through a helper), credentials a client
//     interceptor adds (they go with every call of the connections it is
//     installed on), and, for connections built in non-test files, auth
//     seen only in _test.go files. An interceptor whose body the
//     analyzer sees (in the package, or in another through a fact) and
//     that gives its context and call options unchanged to its invoker
//     or streamer, and to nothing else, such as one that only logs, adds
//     no credentials; one that cannot be seen (a parameter, a field, a
//     function value, a function of a package without a fact) or that
//     touches them may;
//   - `streams-without-token`: a unary client interceptor that adds a
//     token ("authorization", or an -auth-key, on the outgoing metadata,
//     or a grpc.PerRPCCredentials call option), on a connection with no
//     other credentials and no stream interceptor that may add them,
//     used for streaming calls (a streaming method of a generated client
//     built on it, or ClientConn.NewStream, in the function or through
//     helpers of the package that take the connection or the client):
//     grpc-go runs unary interceptors for unary calls only, so the
//     streaming calls go out without the token and a server that
//     requires it answers codes.Unauthenticated. Reported at the
//     interceptor option, naming the streaming methods. Not reported
//     when the streaming call's own context carries outgoing metadata,
//     its call options may carry credentials, or its context comes from
//     a call the analyzer cannot see;
//   - `replaced-interceptor`: a token interceptor given with
//     grpc.WithUnaryInterceptor (or WithStreamInterceptor) followed on
//     the same connection by another WithUnaryInterceptor
//     (WithStreamInterceptor) that adds none: the option only sets a
//     field, so the later one replaces it and its token is never sent
//     (the chain options, which add to the interceptor set with it, are
//     fine);
//   - `unattached-credentials`: a connection without credentials built
//     from a receiver or parameter (its target or options read a field
//     of it, directly or through local variables: addr :=
//     fmt.Sprintf("%s:%d", p.Host, p.Port)) whose struct type has a
//     credentials field that the package never reads: configured
//     credentials never attached, so no RPC on the connection sends
//     them; reported in the default configuration, naming the field,
//     with its declaration as related information. A credentials field
//     has a credentials type (per-RPC credentials, a token source, an
//     *oauth2.Token) or is named for auth, credentials, a token, an API
//     key or a password, whatever its type (a string, a pointer to a
//     struct such as Auth *BasicAuth, a pointer to an interface of the
//     module's own auth package, a function), unless the name or the
//     type says it is a setting about auth: AuthMode, AuthURL, TokenTTL,
//     Authority, or a bool, a number, an enum (a named string or integer
//     type with constants), a URL, a time or a TLS configuration. A read
//     anywhere in the package (to build per-call credentials, to log it,
//     to pass it to a function, to take its address) means the field is
//     used; writes (a decoder that sets it) do not. For a struct of
//     another package, that package's reads count too (exported as a
//     fact). When that package cannot see grpc (a configuration package
//     of its own), its credentials count as never read only if every
//     other field of the struct is read, there or by the dialling
//     package: a struct that describes the endpoint (Host, Port, Auth),
//     not a program's central configuration, whose database password is
//     read by a package the analyzer does not see. Unexported fields are
//     read only in their package, so every read is seen; exported fields
//     may also be read by importers of the struct's package, which are
//     not seen (an importer cannot attach the credentials to a
//     connection whose options are all visible, except as metadata on
//     the contexts of its RPCs);
//   - `credentials-require-tls`: per-RPC credentials that require
//     transport security (everything in credentials/oauth,
//     credentials/jwt and credentials/sts, the credentials/google
//     identity credentials and the per-RPC credentials of its bundles,
//     user types whose RequireTransportSecurity returns the constant
//     true, and functions of any package that return such credentials)
//     on an insecure transport (insecure.NewCredentials,
//     grpc.WithInsecure) on the same path: attached with
//     WithPerRPCCredentials, NewClient and Dial fail with "the
//     credentials require transport level security"; attached as call
//     options (also through WithDefaultCallOptions), every RPC fails
//     with codes.Unauthenticated "cannot send secure credentials on an
//     insecure connection" (the message says "call credentials" for
//     those of the default call options);
//   - `dial-context-metadata`: metadata attached to the context given to
//     grpc.DialContext, which no RPC ever sends: that context only
//     bounds the dial (not reported when the function also makes RPCs
//     with that context after dialing);
//   - `discarded-option`: a credentials or interceptor DialOption, or a
//     grpc.PerRPCCredentials call option, built and thrown away: no
//     connection uses the option, no RPC sends the credentials.
//   - `connect-stream-no-token`: a Connect (connectrpc.com/connect v1)
//     client built by a generated pb.NewXClient(httpClient, url, opts...)
//     whose only credentials are a token interceptor that covers unary
//     calls only (a connect.UnaryInterceptorFunc, "no effect on streaming
//     RPCs", or an Interceptor whose WrapStreamingClient returns next
//     unchanged) that sets the auth key on req.Header(), while the
//     client's streaming methods are called (in the function or through
//     functions of the package it is passed to). The streaming calls go
//     out without the token and the server answers CodeUnauthenticated.
//     Options are followed through connect.WithInterceptors,
//     WithClientOptions, WithOptions, local variables and helpers of the
//     package, interceptors also into other packages. An http.Client
//     that is not plainly http.DefaultClient or a literal without a
//     custom Transport (oauth2.NewClient, a header-adding transport, a
//     parameter) may carry credentials and keeps the rule silent, as does
//     a function that sets the auth key on a request header itself.
//
// Wrappers of NewClient (func Dial(addr string, opts ...grpc.DialOption))
// are summarised too, and their call sites are judged. Options the
// analyzer cannot see (parameters, struct fields, interface calls,
// function values) may carry credentials: such connections are not
// reported. Connections that need no token are left alone: "unix:" and
// "unix-abstract:" targets, in-memory bufconn dialers and dialers of the
// "unix" network, local transport credentials, targets matching
// -dialcreds.allow-target, connections dialled by grpc-gateway's
// generated Register*HandlerFromEndpoint (and wrappers of it) back to the
// program's own server (the gateway forwards the HTTP Authorization
// header on each call), and _test.go files unless -dialcreds.tests is
// set. Apart from the one for test files, these exemptions concern
// missing credentials only: credentials that require TLS fail on an
// insecure transport whatever the target. There is no suggested fix: the
// right credentials are the user's choice, and Dial is never rewritten to
// NewClient (their default resolvers differ).
//
// # Bad
//
//	conn, err := grpc.NewClient(addr,
//		grpc.WithTransportCredentials(credentials.NewTLS(nil)))
//	// every RPC reaches the server without a token
//
//	creds, err := oauth.NewServiceAccountFromFile(keyFile, scope)
//	conn, err := grpc.NewClient(addr,
//		grpc.WithPerRPCCredentials(creds),
//		grpc.WithTransportCredentials(insecure.NewCredentials()))
//	// NewClient fails: the credentials require transport level security
//
//	conn, err := grpc.NewClient(addr, tlsOpt,
//		grpc.WithUnaryInterceptor(addToken))
//	stream, err := pb.NewLogsClient(conn).Tail(ctx, req)
//	// Tail is a streaming call: addToken does not run, no token is sent
//
//	conn, err := grpc.NewClient(addr, tlsOpt,
//		grpc.WithUnaryInterceptor(addToken),
//		grpc.WithUnaryInterceptor(logCalls))
//	// logCalls replaces addToken: no call carries the token
//
//	client := pingv1connect.NewPingServiceClient(http.DefaultClient, url,
//		connect.WithInterceptors(connect.UnaryInterceptorFunc(setToken)))
//	stream, err := client.CountUp(ctx, req)
//	// setToken does not run for streaming calls: CodeUnauthenticated
//
// # Good
//
//	creds, err := oauth.NewServiceAccountFromFile(keyFile, scope)
//	conn, err := grpc.NewClient(addr,
//		grpc.WithPerRPCCredentials(creds),
//		grpc.WithTransportCredentials(credentials.NewTLS(nil)))
//
//	conn, err := grpc.NewClient("unix:///run/app.sock",
//		grpc.WithTransportCredentials(insecure.NewCredentials()))
//
//	conn, err := grpc.NewClient(addr, tlsOpt,
//		grpc.WithChainUnaryInterceptor(addToken, logCalls),
//		grpc.WithStreamInterceptor(addStreamToken))
//
//	type bearer struct{ token string } // a connect.Interceptor
//
//	func (b bearer) WrapUnary(next connect.UnaryFunc) connect.UnaryFunc {
//		return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
//			req.Header().Set("Authorization", "Bearer "+b.token)
//			return next(ctx, req)
//		}
//	}
//
//	func (b bearer) WrapStreamingClient(next connect.StreamingClientFunc) connect.StreamingClientFunc {
//		return func(ctx context.Context, spec connect.Spec) connect.StreamingClientConn {
//			conn := next(ctx, spec)
//			conn.RequestHeader().Set("Authorization", "Bearer "+b.token)
//			return conn
//		}
//	}
//
//	client := pingv1connect.NewPingServiceClient(http.DefaultClient, url,
//		connect.WithInterceptors(bearer{token})) // WrapStreamingHandler: return next
//
// Each message names one remedy; these are the others:
//
//   - credentials for every RPC of a connection: grpc.WithPerRPCCredentials,
//     grpc.WithCredentialsBundle, grpc.WithDefaultCallOptions with
//     grpc.PerRPCCredentials, or a client interceptor
//     (grpc.WithUnaryInterceptor, grpc.WithChainUnaryInterceptor and their
//     stream forms) that adds the token; a connection that needs none
//     belongs in -dialcreds.allow-target or behind a
//     //grpcauthlint:ignore directive with the reason;
//   - a unary token interceptor on a connection with streaming calls:
//     per-RPC credentials (grpc.WithPerRPCCredentials) instead, which
//     both halves send, or the stream half with
//     grpc.WithChainStreamInterceptor;
//   - an interceptor option given twice: one grpc.WithChainUnaryInterceptor
//     (WithChainStreamInterceptor) with both interceptors;
//   - credentials that require TLS: any TLS transport credentials
//     (credentials.NewTLS, credentials.NewClientTLSFromFile or
//     NewClientTLSFromCert, ALTS, xDS), or, for a plaintext connection to
//     a local peer, credentials whose RequireTransportSecurity returns
//     false;
//   - metadata meant for the RPCs of a connection: on each RPC's context
//     (metadata.AppendToOutgoingContext), from per-RPC credentials, or
//     from a client interceptor;
//   - a discarded DialOption: append it to the options given to
//     grpc.NewClient; a discarded grpc.PerRPCCredentials call option:
//     pass it to the RPC, or attach the credentials to the connection with
//     grpc.WithPerRPCCredentials.
//
// Each message says what is wrong and one remedy; what follows from it,
// the same for every finding of a rule, is said above. Findings point at
// the second place involved (where the package attaches credentials per
// call, where the insecure transport, the credentials or the metadata
// come from, the branch that selects the insecure transport, the
// streaming calls a unary interceptor misses, the option that replaces
// an interceptor, the unread credentials field) with related
// information; golangci-lint drops related information, so the messages
// name in words the places they cannot do without (the field never read,
// the streaming methods, the later option).
//
// # Flags
//
// -dialcreds.tests (setting tests): also check _test.go files (default
// false). It has no effect when the driver itself skips tests
// (-test=false).
//
// -dialcreds.allow-target (setting allow-target, a list): a regular
// expression matched against constant targets, such as
// "^localhost:[0-9]+$" for a sidecar that adds credentials; connections
// to a matching target are not reported for missing credentials.
// Repeatable, one expression per use (commas belong to the expression). A
// malformed expression is an error when the flag is parsed or, for the
// golangci-lint setting, when the analyzer runs.
//
// -dialcreds.all-connections (setting all-connections): also report a
// connection without credentials in a package that shows no sign of using
// auth ("grpc.NewClient gets no credentials"). Off by default:
// many gRPC services need no token (local sockets, sidecars, probes,
// public backends) and the code cannot tell them apart; on public code
// most such findings were not bugs. By default a connection without
// credentials is reported only where its package attaches auth per call.
//
// -dialcreds.auth-key (setting auth-key, a list): an outgoing metadata
// key that carries a token, such as "x-api-key": setting it on a call's
// context is per-call auth, and a client interceptor that sets it adds a
// token. The default is "authorization"; the first use of the flag, like
// the setting, replaces it, so list authorization too to keep it. Keys
// must be lowercase metadata keys of [0-9a-z-_.]. The suite's -auth-key
// (top-level setting auth-key) sets this list and serverauth's at once;
// this option, when given, replaces it for dialcreds.
//
// Suppress a finding with a reason, on its line or the line above:
//
//	//grpcauthlint:ignore dialcreds the mesh sidecar adds credentials
package dialcreds
