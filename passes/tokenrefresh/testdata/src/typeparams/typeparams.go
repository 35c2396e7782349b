// Package typeparams: fetches, refreshers and wrappers on generic types.
package typeparams

import (
	"context"

	"golang.org/x/oauth2"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/oauth"
)

// Source implements oauth2.TokenSource for any T: its Token method is a
// refresher, and calling it is a fetch.
type Source[T any] struct {
	cfg  *oauth2.Config
	last T
}

func (s *Source[T]) Token() (*oauth2.Token, error) {
	tok, err := s.cfg.Exchange(context.Background(), "code")
	if err != nil {
		return nil, err
	}
	bearer = tok.AccessToken
	return tok, nil
}

var bearer string

func useSource(s *Source[int]) credentials.PerRPCCredentials {
	tok, _ := s.Token() // want `frozen by oauth\.NewOauthAccess`
	return oauth.NewOauthAccess(tok)
}

// Box wraps a fetch in a method of a generic type: a wrapper, by origin.
type Box[T any] struct {
	ts   oauth2.TokenSource
	meta T
}

func (b *Box[T]) Fetch() (*oauth2.Token, error) { // want Fetch:"returns a fetched token \\(result 0\\)"
	return b.ts.Token()
}

func (b *Box[T]) Access() (T, string, error) { // want Access:"returns a fetched access token \\(result 1\\)"
	tok, err := b.ts.Token()
	if err != nil {
		return b.meta, "", err
	}
	return b.meta, tok.AccessToken, nil
}

type Client[T any] struct {
	box  *Box[T]
	auth string
}

func (c *Client[T]) init() {
	tok, _ := c.box.Fetch() // want `access token frozen in field Client\.auth; fetch it per call from the token source`
	c.auth = tok.AccessToken
}

func (c *Client[T]) init2() {
	_, s, _ := c.box.Access() // want `access token frozen in field Client\.auth; fetch it per call from the token source`
	c.auth = s
}

// Generic function wrapper.
func Get[S oauth2.TokenSource](s S) (*oauth2.Token, error) { // want Get:"returns a fetched token \\(result 0\\)"
	return s.Token()
}

func useGet(ts oauth2.TokenSource) credentials.PerRPCCredentials {
	tok, _ := Get(ts) // want `frozen by oauth\.NewOauthAccess`
	return oauth.NewOauthAccess(tok)
}
