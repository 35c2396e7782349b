// Package auth is a stub of cloud.google.com/go/auth for the
// analysistest cases.
package auth

import (
	"context"
	"time"
)

type TokenProvider interface {
	Token(context.Context) (*Token, error)
}

type Token struct {
	Value    string
	Type     string
	Expiry   time.Time
	Metadata map[string]interface{}
}

func (t *Token) IsValid() bool { return false }

type Credentials struct {
	json []byte
	TokenProvider
}

func (c *Credentials) JSON() []byte { return c.json }

type CredentialsOptions struct {
	TokenProvider TokenProvider
	JSON          []byte
}

func NewCredentials(opts *CredentialsOptions) *Credentials { return nil }

type CachedTokenProviderOptions struct {
	DisableAutoRefresh bool
}

func NewCachedTokenProvider(tp TokenProvider, opts *CachedTokenProviderOptions) TokenProvider {
	return nil
}
