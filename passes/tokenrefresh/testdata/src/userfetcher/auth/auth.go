// Package auth is a user's token client that does not use oauth2.
package auth

import "context"

type Token struct {
	Access string
}

// Get fetches an access-token string.
func Get(ctx context.Context) (string, error) { return "", nil }

// Client fetches tokens; Box is generic.
type Client struct{}

func (c *Client) Fetch(ctx context.Context) (*Token, error) { return nil, nil }

type Box[T any] struct{}

func (b *Box[T]) Get() (string, error) { return "", nil }

// Other is not configured.
func Other(ctx context.Context) (string, error) { return "", nil }
