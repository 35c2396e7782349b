// Package helpers adds outgoing metadata for its importers.
package helpers

import (
	"context"

	"google.golang.org/grpc/metadata"
)

// WithToken adds the authorization header.
func WithToken(ctx context.Context, token string) context.Context { // want WithToken:"adds outgoing metadata \\(result 0\\)"
	return metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+token)
}

// Session adds it through WithToken, as its second result.
func Session(ctx context.Context) (string, context.Context, error) { // want Session:"adds outgoing metadata \\(result 1\\)"
	return "s", WithToken(ctx, "t"), nil
}

type Auth struct{ Token string }

// Attach adds it from a method.
func (a Auth) Attach(ctx context.Context) context.Context { // want Attach:"adds outgoing metadata \\(result 0\\)"
	md := metadata.Pairs("authorization", a.Token)
	return metadata.NewOutgoingContext(ctx, md)
}

// Detach returns a fresh context: no fact.
func Detach(ctx context.Context) context.Context { return context.WithoutCancel(ctx) }
