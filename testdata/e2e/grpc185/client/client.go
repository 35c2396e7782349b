// Package client attaches metadata to outgoing RPCs with real grpc-go.
package client

import (
	"context"

	"google.golang.org/grpc/metadata"
)

func WithToken(ctx context.Context, token string) context.Context {
	ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+token)
	return metadata.NewOutgoingContext(ctx, metadata.MD{ // want "lostmetadata: NewOutgoingContext drops the outgoing metadata added by AppendToOutgoingContext; use metadata.AppendToOutgoingContext"
		"X-Request-ID": {"42"}, // want "metadatakey: metadata key \"X-Request-ID\" has uppercase letters: the RPC fails with codes.Internal; use \"x-request-id\""
		"user-agent":   {"me"}, // want "metadatakey: metadata key \"user-agent\" is a reserved header that gRPC drops; set it with grpc.WithUserAgent"
	})
}

func Odd(ctx context.Context) context.Context {
	return metadata.AppendToOutgoingContext(ctx, "k", "v", "orphan") // want "metadatakey: metadata.AppendToOutgoingContext panics on an odd number of strings \\(3\\); pass key, value pairs"
}
