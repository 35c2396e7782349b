// Package closures fetches inside function literals.
package closures

import (
	"sync"

	"golang.org/x/oauth2"
)

var (
	once   sync.Once
	cached string
)

// A fetch in a closure run once, stored in a package variable.
func token(ts oauth2.TokenSource) string {
	once.Do(func() {
		tok, _ := ts.Token() // want `access token frozen in package variable cached; fetch it per call from the token source`
		cached = tok.AccessToken
	})
	return cached
}

// A closure that fetches and returns: a fetch per call, not kept.
func getter(ts oauth2.TokenSource) func() string {
	return func() string {
		tok, _ := ts.Token()
		return tok.AccessToken
	}
}

type holder struct{ auth string }

// A closure filling its parameter: the caller's value, per call.
func apply(ts oauth2.TokenSource) func(*holder) {
	return func(h *holder) {
		tok, _ := ts.Token()
		h.auth = tok.AccessToken
	}
}

// A closure filling a local of its own: not kept.
func local(ts oauth2.TokenSource) {
	f := func() {
		tok, _ := ts.Token()
		h := holder{auth: tok.AccessToken}
		_ = h
	}
	f()
}

// A token fetched outside a goroutine's closure and captured by it.
func background(ts oauth2.TokenSource, out chan<- string) {
	tok, _ := ts.Token()
	go func() {
		out <- tok.AccessToken // a channel send: unknown, silent
	}()
}
