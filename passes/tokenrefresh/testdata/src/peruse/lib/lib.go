// Package lib has per-use wrappers: functions that fetch and return a
// freshly built value holding the token. They are fetchers; their
// callers are judged.
package lib

import (
	"context"

	"golang.org/x/oauth2"
	"k8s.io/client-go/rest"
)

// RestConfig builds a Kubernetes client configuration for one use.
func RestConfig(ctx context.Context, ts oauth2.TokenSource, host string) (*rest.Config, error) { // want RestConfig:"returns a value holding a fetched access token \\(result 0\\)"
	tok, err := ts.Token()
	if err != nil {
		return nil, err
	}
	return &rest.Config{Host: host, BearerToken: tok.AccessToken}, nil
}

// Fresh returns a new token holding only the access token.
func Fresh(ts oauth2.TokenSource) (*oauth2.Token, error) { // want Fresh:"returns a fetched token \\(result 0\\)"
	t, err := ts.Token()
	if err != nil {
		return nil, err
	}
	return &oauth2.Token{AccessToken: t.AccessToken, TokenType: "Bearer"}, nil
}
