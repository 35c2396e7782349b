// Package authkey reads an API key named by -serverauth.auth-key.
package authkey

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
)

func apiKey(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) { // want apiKey:"authenticates"
	md, _ := metadata.FromIncomingContext(ctx)
	if len(md["x-api-key"]) == 0 {
		return nil, nil
	}
	return handler(ctx, req)
}

func build() {
	s := grpc.NewServer(grpc.UnaryInterceptor(apiKey)) // want `unary-only auth interceptor apiKey`
	healthpb.RegisterHealthServer(s, health.NewServer())
}
