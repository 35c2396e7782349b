// Package caches keeps tokens behind validity or expiry checks: no
// findings.
package caches

import (
	"sync"
	"time"

	"cloud.google.com/go/auth"
	"golang.org/x/oauth2"
)

// Guarded by Valid() in the same function.
type validCache struct {
	mu     sync.Mutex
	ts     oauth2.TokenSource
	tok    *oauth2.Token
	bearer string
}

func (c *validCache) get() (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.tok.Valid() {
		return c.bearer, nil
	}
	tok, err := c.ts.Token()
	if err != nil {
		return "", err
	}
	c.tok = tok
	c.bearer = "Bearer " + tok.AccessToken
	return c.bearer, nil
}

// Guarded by an expiry comparison in another method of the type.
type expiryCache struct {
	ts     oauth2.TokenSource
	access string
	exp    time.Time
}

func (c *expiryCache) get() string {
	if time.Now().After(c.exp) {
		c.refresh()
	}
	return c.access
}

func (c *expiryCache) refresh() {
	tok, _ := c.ts.Token()
	c.access = tok.AccessToken
}

// The expiry is recorded next to the string.
var (
	cached    string
	cachedExp time.Time
)

func refreshGlobal(ts oauth2.TokenSource) {
	tok, _ := ts.Token()
	cached = tok.AccessToken
	cachedExp = tok.Expiry
}

// A package variable read by a function that checks the expiry.
var token2 string
var exp2 time.Time

func get2() string {
	if time.Until(exp2) < time.Minute {
		return ""
	}
	return token2
}

func set2(ts oauth2.TokenSource) {
	tok, _ := ts.Token()
	token2 = tok.AccessToken
}

// cloud auth: IsValid.
type cloudCache struct {
	tp  auth.TokenProvider
	tok *auth.Token
	val string
}

func (c *cloudCache) get() string {
	if c.tok.IsValid() {
		return c.val
	}
	return ""
}

func (c *cloudCache) fill(tp auth.TokenProvider) {
	tok, _ := tp.Token(nil)
	c.tok = tok
	c.val = tok.Value
}

// A background loop refreshes the string periodically.
type loopClient struct {
	ts     oauth2.TokenSource
	mu     sync.Mutex
	bearer string
}

func (c *loopClient) run() {
	t := time.NewTicker(30 * time.Minute)
	for range t.C {
		c.refresh()
	}
}

func (c *loopClient) refresh() {
	tok, _ := c.ts.Token()
	c.mu.Lock()
	c.bearer = "Bearer " + tok.AccessToken
	c.mu.Unlock()
}

// A package-level loop, and the function it calls.
var current string

func loop(ts oauth2.TokenSource) {
	for {
		update(ts)
		time.Sleep(time.Minute)
	}
}

func update(ts oauth2.TokenSource) {
	tok, _ := ts.Token()
	current = tok.AccessToken
}

// get checks validity and calls fill: fill is part of the cache.
var filled string

func getFilled(ts oauth2.TokenSource, tok *oauth2.Token) string {
	if !tok.Valid() {
		fill(ts)
	}
	return filled
}

func fill(ts oauth2.TokenSource) {
	tok, _ := ts.Token()
	filled = tok.AccessToken
}
