// Package wrappers calls wrappers of other packages: their call sites
// are fetches.
package wrappers

import (
	"context"

	"golang.org/x/oauth2"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/oauth"

	"wrappers/lib"
	"wrappers/mid"
)

type Client struct {
	auth  string
	tok   *oauth2.Token
	creds credentials.PerRPCCredentials
}

var global string

func (c *Client) a(ctx context.Context, cfg *oauth2.Config) {
	tok, _ := lib.Fetch(ctx, cfg, "code") // want `frozen by oauth\.NewOauthAccess`
	c.creds = oauth.NewOauthAccess(tok)
}

func (c *Client) b(ts oauth2.TokenSource) {
	tok, _ := lib.FetchNamed(ts) // want `access token frozen in field Client\.auth; fetch it per call from the token source`
	c.auth = tok.AccessToken
}

func (c *Client) c(ts oauth2.TokenSource) {
	c.auth, _ = lib.Bearer(ts) // want `access token frozen in field Client\.auth; fetch it per call from the token source`
}

func (c *Client) d(ts oauth2.TokenSource) {
	tok, _ := lib.Chained(ts) // want `access token frozen in package variable global; fetch it per call from the token source`
	global = tok.AccessToken
}

func (c *Client) e(ctx context.Context) {
	global = mid.Access(ctx) // want `access token frozen in package variable global; fetch it per call from the token source`
}

func (c *Client) f(r lib.Refresher) {
	tok, _ := r.Token() // want `access token frozen in field Client\.auth; fetch it per call from the token source`
	c.auth = tok.AccessToken
}

// Not kept: the token itself stored, or used for this call.
func (c *Client) g(ts oauth2.TokenSource) {
	tok, _ := lib.FetchNamed(ts)
	c.tok = tok
	lib.Keep(tok)
	if lib.Valid(ts) {
		return
	}
}

// A wrapper of this package, over another package's wrapper.
func local(ctx context.Context) (string, error) { // want local:"returns a fetched access token \\(result 0\\)"
	return mid.Access(ctx), nil
}

func (c *Client) h(ctx context.Context) {
	s, _ := local(ctx) // want `access token frozen in field Client\.auth; fetch it per call from the token source`
	c.auth = s
}

// Tokens passed to another package's helpers.
func (c *Client) i(ts oauth2.TokenSource) {
	tok, _ := ts.Token() // want `frozen by oauth\.NewOauthAccess in Creds`
	c.creds = lib.Creds(tok)
}

func (c *Client) j(ts oauth2.TokenSource) {
	tok, _ := ts.Token() // want `access token frozen in package variable current by Use; fetch it per call from the token source`
	lib.Use(tok)
}

func (c *Client) k(ctx context.Context, ts oauth2.TokenSource, h *lib.Holder) {
	tok, _ := ts.Token()
	var local lib.Holder
	local.Set(ctx, tok) // a local holder: per call
	h.Set(ctx, tok)     // a parameter's: the caller's request
}

type holderClient struct{ h lib.Holder }

func (c *holderClient) l(ctx context.Context, ts oauth2.TokenSource) {
	tok, _ := ts.Token() // want `access token frozen in a field of the receiver of Set; fetch it per call from the token source`
	c.h.Set(ctx, tok)
}

func (c *Client) m(ts oauth2.TokenSource) {
	tok, _ := ts.Token() // want `access token frozen in field Client\.auth; fetch it per call from the token source`
	c.auth = lib.Header(tok)
}

func (c *Client) n(ctx context.Context, cfg *oauth2.Config, ts oauth2.TokenSource) {
	tok, _ := ts.Token()
	_ = lib.Refresh(ctx, cfg, tok)
	_ = lib.Creds(tok) // built and dropped
}
