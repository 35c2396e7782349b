// Package client calls the greeter service with a bearer token.
package client

import (
	"context"

	"google.golang.org/grpc/metadata"
)

// WithToken attaches the caller's token to outgoing RPCs.
func WithToken(ctx context.Context, token string) context.Context {
	return metadata.NewOutgoingContext(ctx, metadata.MD{
		"Authorization": {"Bearer " + token},
	})
}
