// Package userfetcher uses fetchers named with -tokenrefresh.fetcher.
package userfetcher

import (
	"context"

	"userfetcher/auth"
)

type Client struct {
	auth string
	tok  *auth.Token
}

var global string

func (c *Client) a(ctx context.Context) {
	s, _ := auth.Get(ctx) // want `frozen in field Client\.auth`
	c.auth = "Bearer " + s
}

func (c *Client) b(ctx context.Context, ac *auth.Client) {
	tok, _ := ac.Fetch(ctx) // the token itself kept: its access field is unknown
	c.tok = tok
}

func (c *Client) c(b *auth.Box[int]) {
	global, _ = b.Get() // want `frozen in package variable global`
}

func (c *Client) d(ctx context.Context) {
	c.auth, _ = auth.Other(ctx)
}

// wrap is a wrapper of a user fetcher.
func wrap(ctx context.Context) (string, error) { // want wrap:"returns a fetched access token \\(result 0\\)"
	return auth.Get(ctx)
}

func (c *Client) e(ctx context.Context) {
	c.auth, _ = wrap(ctx) // want `frozen in field Client\.auth`
}
