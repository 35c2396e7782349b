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
	tok, _ := ts.Token() // want `access token frozen in package variable bearer; fetch it per call from the token source`
	bearer = tok.AccessToken
}

func helper(s string) string { return "Bearer " + s }

func (c *Client) set(s string) { c.auth = s }

func e(ts oauth2.TokenSource) {
	tok, _ := ts.Token()
	helper(tok.AccessToken, 2)
	c := &Client{}
	c.set()
	c.set(tok.AccessToken, tok)
	x := Undefined{Token: tok.AccessToken}
	_ = x
	var y = func() (string, int) { return tok.AccessToken }()
	_ = y
	z := &Client{auth: tok.AccessToken, missing: 1}
	_ = z
	oauth.NewOauthAccess(tok).Undefined()
	go undefinedFn(tok)
	bearer, other = tok.AccessToken
}
