// Package server serves the greeter's health service behind the
// bearer-token check of package authz.
package server

import (
	"net"

	"google.golang.org/grpc"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"

	"example.com/greeter/authz"
)

// Serve authenticates unary RPCs only: the streaming Watch method of
// the health service is served to anybody.
func Serve(lis net.Listener) error {
	s := grpc.NewServer(grpc.UnaryInterceptor(authz.UnaryInterceptor))
	healthpb.RegisterHealthServer(s, health.NewServer())
	return s.Serve(lis)
}
