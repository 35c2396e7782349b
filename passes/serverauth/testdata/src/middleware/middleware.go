// Package middleware uses go-grpc-middleware's auth interceptors.
package middleware

import (
	"context"

	grpc_auth "github.com/grpc-ecosystem/go-grpc-middleware/auth"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/auth"
	"google.golang.org/grpc"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

func authFunc(ctx context.Context) (context.Context, error) { // want authFunc:"authenticates"
	_, err := auth.AuthFromMD(ctx, "bearer")
	return ctx, err
}

func v1() {
	s := grpc.NewServer(grpc.UnaryInterceptor(grpc_auth.UnaryServerInterceptor(authFunc))) // want `Health\.Watch skips unary-only auth interceptor grpc_auth\.UnaryServerInterceptor\(\.\.\.\); add a stream auth interceptor`
	healthpb.RegisterHealthServer(s, health.NewServer())
}

func v2() {
	s := grpc.NewServer(grpc.ChainUnaryInterceptor(auth.UnaryServerInterceptor(authFunc))) // want `Health\.Watch skips unary-only auth interceptor auth\.UnaryServerInterceptor\(\.\.\.\); add a stream auth interceptor`
	healthpb.RegisterHealthServer(s, health.NewServer())
}

func both() {
	s := grpc.NewServer(
		grpc.ChainUnaryInterceptor(auth.UnaryServerInterceptor(authFunc)),
		grpc.ChainStreamInterceptor(auth.StreamServerInterceptor(authFunc)),
	)
	healthpb.RegisterHealthServer(s, health.NewServer())
}
