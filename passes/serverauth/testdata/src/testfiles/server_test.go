package testfiles

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

// Test servers are skipped by default.
func TestServer(t *testing.T) {
	s := grpc.NewServer(grpc.UnaryInterceptor(auth), grpc.UnaryInterceptor(auth))
	healthpb.RegisterHealthServer(s, health.NewServer())
}
