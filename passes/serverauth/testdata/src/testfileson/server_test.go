package testfileson

import (
	"context"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"
)

func auth(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) { // want auth:"authenticates"
	return nil, status.Error(codes.Unauthenticated, "no")
}

// With -serverauth.tests, test servers are judged.
func TestServer(t *testing.T) {
	s := grpc.NewServer(grpc.UnaryInterceptor(auth), grpc.UnaryInterceptor(auth)) // want `Health\.Watch skips unary-only auth interceptor auth; add a stream auth interceptor` `second grpc.UnaryInterceptor`
	healthpb.RegisterHealthServer(s, health.NewServer())
}
