// Package auth wraps token fetches of the real golang.org/x/oauth2: its
// wrappers are fetches at their call sites in other packages (facts).
package auth

import (
	"context"

	"golang.org/x/oauth2"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/oauth"
)

// Login exchanges an authorization code.
func Login(ctx context.Context, cfg *oauth2.Config, code string) (*oauth2.Token, error) {
	return cfg.Exchange(ctx, code)
}

// Bearer returns an Authorization header value.
func Bearer(ts oauth2.TokenSource) (string, error) {
	tok, err := ts.Token()
	if err != nil {
		return "", err
	}
	return tok.Type() + " " + tok.AccessToken, nil
}

// Creds freezes a token in credentials: a token passed to it from
// another package is followed through it (facts).
func Creds(tok *oauth2.Token) credentials.PerRPCCredentials {
	return oauth.NewOauthAccess(tok)
}
