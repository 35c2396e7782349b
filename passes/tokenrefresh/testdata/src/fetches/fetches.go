// Package fetches has one frozen token for every kind of fetch.
package fetches

import (
	"context"

	"cloud.google.com/go/auth"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/oauth"
)

var bearer string

func exchange(ctx context.Context, cfg *oauth2.Config, code string) credentials.PerRPCCredentials {
	tok, _ := cfg.Exchange(ctx, code) // want `token fetched here is frozen by oauth\.NewOauthAccess \(line \d+\): it expires \(typically within an hour\) and is never refreshed, so calls fail with Unauthenticated until restart; use oauth\.TokenSource\{TokenSource: cfg\.TokenSource\(ctx, tok\)\}, which refreshes it`
	return oauth.NewOauthAccess(tok)
}

func password(ctx context.Context, cfg *oauth2.Config) credentials.PerRPCCredentials {
	tok, err := cfg.PasswordCredentialsToken(ctx, "u", "p") // want `frozen by oauth\.NewOauthAccess`
	if err != nil {
		return nil
	}
	return oauth.NewOauthAccess(tok)
}

func clientCredentials(ctx context.Context, cfg *clientcredentials.Config) {
	tok, _ := cfg.Token(ctx) // want `access token fetched here is kept in package variable bearer \(line \d+\): it expires \(typically within an hour\) and is never refreshed, so calls fail with Unauthenticated until restart; keep cfg\.TokenSource\(ctx\), which fetches a new token when one expires, and fetch per call, e\.g\. with oauth\.TokenSource\{TokenSource: cfg\.TokenSource\(ctx\)\} or a PerRPCCredentials whose GetRequestMetadata fetches`
	bearer = "Bearer " + tok.AccessToken
}

func source(ts oauth2.TokenSource) credentials.PerRPCCredentials {
	tok, _ := ts.Token() // want `token fetched here is frozen by oauth\.NewOauthAccess \(line \d+\): .*; use oauth\.TokenSource\{TokenSource: oauth2\.ReuseTokenSource\(nil, ts\)\} over the token source`
	return oauth.NewOauthAccess(tok)
}

// mySource implements oauth2.TokenSource.
type mySource struct{ cfg *oauth2.Config }

func (s *mySource) Token() (*oauth2.Token, error) {
	return s.cfg.Exchange(context.Background(), "code") // a refresher: not a finding
}

func concrete(s *mySource) {
	tok, _ := s.Token() // want `kept in package variable bearer`
	bearer = tok.AccessToken
}

// embedded calls Token through a struct embedding the interface.
func embedded(ts oauth.TokenSource) {
	tok, _ := ts.Token() // want `kept in package variable bearer`
	bearer = tok.AccessToken
}

func provider(ctx context.Context, tp auth.TokenProvider) {
	tok, _ := tp.Token(ctx) // want `kept in package variable bearer \(line \d+\): .*; keep the token provider \(auth\.NewCachedTokenProvider refreshes\) and fetch per call, e\.g\. in a PerRPCCredentials whose GetRequestMetadata calls Token`
	bearer = tok.Value
}

func cloudCredentials(ctx context.Context, creds *auth.Credentials) {
	tok, _ := creds.Token(ctx) // want `kept in package variable bearer`
	bearer = "Bearer " + tok.Value
}

// cloudSource implements auth.TokenProvider.
type cloudSource struct{}

func (cloudSource) Token(ctx context.Context) (*auth.Token, error) { return nil, nil }

func cloudConcrete(ctx context.Context) {
	tok, _ := cloudSource{}.Token(ctx) // want `kept in package variable bearer`
	bearer = tok.Value
}

// notAToken has a Token method of another shape: not a fetch.
type notAToken struct{}

func (notAToken) Token() (string, error) { return "", nil }

func other() {
	s, _ := notAToken{}.Token()
	bearer = s
}
