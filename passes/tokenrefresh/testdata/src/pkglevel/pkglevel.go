// Package pkglevel fetches while initializing package variables.
package pkglevel

import (
	"context"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

var cfg = &clientcredentials.Config{}

// mustToken is a wrapper.
func mustToken() *oauth2.Token { // want mustToken:"returns a fetched token \\(result 0\\)"
	tok, err := cfg.Token(context.Background())
	if err != nil {
		panic(err)
	}
	return tok
}

var bearer = "Bearer " + mustToken().AccessToken // want `access token frozen in package variable bearer; fetch it per call from the token source`

// A closure called in place.
var header = func() string { // related
	tok, _ := cfg.Token(context.Background()) // want `access token frozen in package variable header; fetch it per call from cfg\.TokenSource\(ctx\)`
	return tok.AccessToken
}()

// A token kept at package level carries its refresh token.
var tok, _ = cfg.Token(context.Background())

// In init.
var static oauth2.TokenSource

func init() {
	t, _ := cfg.Token(context.Background()) // want `frozen by oauth2\.StaticTokenSource`
	static = oauth2.StaticTokenSource(t)
}

// A closure called in place inside a function, used for this call.
func local() int {
	s := func() string {
		t, _ := cfg.Token(context.Background())
		return t.AccessToken
	}()
	return len(s)
}
