// Package mid wraps lib's wrapper without importing oauth2 itself.
package mid

import (
	"context"

	"wrappers/lib"
)

var cfg = lib.Client{}

func Access(ctx context.Context) string { // want Access:"returns a fetched access token \\(result 0\\)"
	tok, _ := cfg.Current(ctx)
	return tok.AccessToken
}
