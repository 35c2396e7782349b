// Package typeerrors does not type-check: the pass must not panic.
package typeerrors

import (
	"golang.org/x/oauth2"
	"google.golang.org/grpc/credentials/oauth"
)

type Client struct{ auth string }

var bearer string

func a(ts oauth2.TokenSource) {
	tok, _ := ts.Token()
	bearer = tok.Missing
	bearer = undefined.AccessToken
	c := &Client{}
	c.nofield = tok.AccessToken
	oauth.NewOauthAccess(tok, 1)
	u, _ := unknownFetch()
	bearer = u.AccessToken
}

func b(ts oauth2.TokenSource) (string, error) {
	tok, _ := ts.Token()
	return tok.AccessToken
}

func (c *Missing) Token() (*oauth2.Token, error) {
	return nil, nil
}

func d(ts oauth2.TokenSource) {
	tok, _ := ts.Token() // want `kept in package variable bearer`
	bearer = tok.AccessToken
}
