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
	tok, _ := cfg.Exchange(ctx, code) // want `token frozen by oauth\.NewOauthAccess; use oauth\.TokenSource\{TokenSource: cfg\.TokenSource\(ctx, tok\)\}`
	return oauth.NewOauthAccess(tok)  // related
}

func password(ctx context.Context, cfg *oauth2.Config) credentials.PerRPCCredentials {
	tok, err := cfg.PasswordCredentialsToken(ctx, "u", "p") // want `frozen by oauth\.NewOauthAccess`
	if err != nil {
		return nil
	}
	return oauth.NewOauthAccess(tok)
}

func clientCredentials(ctx context.Context, cfg *clientcredentials.Config) {
	tok, _ := cfg.Token(ctx)             // want `access token frozen in package variable bearer; fetch it per call from cfg\.TokenSource\(ctx\)`
	bearer = "Bearer " + tok.AccessToken // related
}

func source(ts oauth2.TokenSource) credentials.PerRPCCredentials {
	tok, _ := ts.Token()             // want `token frozen by oauth\.NewOauthAccess; use oauth\.TokenSource\{TokenSource: ts\}`
	return oauth.NewOauthAccess(tok) // related
}

// mySource implements oauth2.TokenSource.
type mySource struct{ cfg *oauth2.Config }

func (s *mySource) Token() (*oauth2.Token, error) {
	return s.cfg.Exchange(context.Background(), "code") // a refresher: not a finding
}

func concrete(s *mySource) {
	tok, _ := s.Token() // want `access token frozen in package variable bearer; fetch it per call from the token source`
	bearer = tok.AccessToken
}

// embedded calls Token through a struct embedding the interface.
func embedded(ts oauth.TokenSource) {
	tok, _ := ts.Token() // want `access token frozen in package variable bearer; fetch it per call from the token source`
	bearer = tok.AccessToken
}

func provider(ctx context.Context, tp auth.TokenProvider) {
	tok, _ := tp.Token(ctx) // want `access token frozen in package variable bearer; call the token provider's Token per call`
	bearer = tok.Value      // related
}

func cloudCredentials(ctx context.Context, creds *auth.Credentials) {
	tok, _ := creds.Token(ctx) // want `access token frozen in package variable bearer; call the token provider's Token per call`
	bearer = "Bearer " + tok.Value
}

// cloudSource implements auth.TokenProvider.
type cloudSource struct{}

func (cloudSource) Token(ctx context.Context) (*auth.Token, error) { return nil, nil }

func cloudConcrete(ctx context.Context) {
	tok, _ := cloudSource{}.Token(ctx) // want `access token frozen in package variable bearer; call the token provider's Token per call`
	bearer = tok.Value
}

// notAToken has a Token method of another shape: not a fetch.
type notAToken struct{}

func (notAToken) Token() (string, error) { return "", nil }

func other() {
	s, _ := notAToken{}.Token()
	bearer = s
}
