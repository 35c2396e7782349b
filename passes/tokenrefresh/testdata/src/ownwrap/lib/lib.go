// Package lib has per-use wrappers that return values of its own types:
// a configuration built for one use, and a token provider whose Token
// method returns the package's own token type. They are fetchers, like
// wrappers returning another library's type; their callers are judged.
package lib

import (
	"context"

	"golang.org/x/oauth2"
)

// Config is what a call of the module's HTTP client is made with.
type Config struct {
	Host        string
	BearerToken string
}

// RestConfig builds a Config for one use.
func RestConfig(ctx context.Context, ts oauth2.TokenSource, host string) (*Config, error) { // want RestConfig:"returns a value holding a fetched access token \\(result 0\\)"
	tok, err := ts.Token()
	if err != nil {
		return nil, err
	}
	return &Config{Host: host, BearerToken: tok.AccessToken}, nil
}

// AccessToken is the package's own token type.
type AccessToken struct {
	Token      string
	Extensions map[string]string
}

// Provider hands a fresh token to whatever asks, each time.
type Provider struct {
	ts oauth2.TokenSource
}

func NewProvider(ts oauth2.TokenSource) *Provider { return &Provider{ts: ts} }

// Token is named like a refresher: a fetcher.
func (p *Provider) Token() (*AccessToken, error) { // want Token:"returns a value holding a fetched access token \\(result 0\\)"
	tok, err := p.ts.Token()
	if err != nil {
		return nil, err
	}
	return &AccessToken{Token: tok.AccessToken}, nil
}

// Client is the package's client, built once and kept: the token in it
// freezes, reported at the fetch.
type Client struct {
	host   string
	bearer string
}

func NewClient(ts oauth2.TokenSource, host string) (*Client, error) {
	tok, err := ts.Token() // want `access token frozen in the Client returned by NewClient; fetch it per call from the token source`
	if err != nil {
		return nil, err
	}
	return &Client{host: host, bearer: "Bearer " + tok.AccessToken}, nil
}
