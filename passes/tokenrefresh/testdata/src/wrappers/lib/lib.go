// Package lib wraps token fetches; its wrappers are fetches at their
// call sites in other packages (object facts).
package lib

import (
	"context"

	"golang.org/x/oauth2"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/oauth"
)

// Fetch returns the fetched token directly.
func Fetch(ctx context.Context, cfg *oauth2.Config, code string) (*oauth2.Token, error) { // want Fetch:"returns a fetched token \\(result 0\\)"
	return cfg.Exchange(ctx, code)
}

// FetchNamed returns it through a named result.
func FetchNamed(ts oauth2.TokenSource) (tok *oauth2.Token, err error) { // want FetchNamed:"returns a fetched token \\(result 0\\)"
	tok, err = ts.Token()
	return
}

// Bearer returns the access-token string.
func Bearer(ts oauth2.TokenSource) (string, error) { // want Bearer:"returns a fetched access token \\(result 0\\)"
	tok, err := ts.Token()
	if err != nil {
		return "", err
	}
	return "Bearer " + tok.AccessToken, nil
}

// Chained calls a wrapper of this package.
func Chained(ts oauth2.TokenSource) (*oauth2.Token, error) { // want Chained:"returns a fetched token \\(result 0\\)"
	t, err := FetchNamed(ts)
	return t, err
}

type Client struct{ ts oauth2.TokenSource }

// Token of a method of another shape: a wrapper method.
func (c *Client) Current(ctx context.Context) (*oauth2.Token, error) { // want Current:"returns a fetched token \\(result 0\\)"
	return c.ts.Token()
}

// Refresher is a TokenSource: calls of its Token are fetches by shape,
// it needs no fact.
type Refresher struct{ ts oauth2.TokenSource }

func (r Refresher) Token() (*oauth2.Token, error) { return r.ts.Token() }

// Keep stores a token it receives: not a wrapper.
func Keep(tok *oauth2.Token) {}

// Expiry returns a fetched token's expiry, not the token.
func Valid(ts oauth2.TokenSource) bool {
	tok, _ := ts.Token()
	return tok.Valid()
}

// Helpers taking a token: their facts say what they do with it.

// Creds freezes the token in credentials it returns.
func Creds(tok *oauth2.Token) credentials.PerRPCCredentials { // want Creds:"token param 0: frozen by oauth.NewOauthAccess in result 0"
	return oauth.NewOauthAccess(tok)
}

var current string

// Use keeps its access token in a package variable.
func Use(tok *oauth2.Token) { // want Use:"token param 0: kept in package variable current"
	current = tok.AccessToken
}

type Holder struct{ bearer string }

// Set stores its access token in the receiver.
func (h *Holder) Set(ctx context.Context, tok *oauth2.Token) { // want Set:"token param 1: stored in the receiver"
	h.bearer = "Bearer " + tok.AccessToken
}

// Header returns a header value built from it.
func Header(tok *oauth2.Token) string { // want Header:"token param 0: returned as result 0"
	return tok.Type() + " " + tok.AccessToken
}

// Refresh hands it to a refreshing source: nothing to say.
func Refresh(ctx context.Context, cfg *oauth2.Config, tok *oauth2.Token) oauth2.TokenSource {
	return cfg.TokenSource(ctx, tok)
}
