// Package ignore checks //grpcauthlint:ignore for serverauth.
package ignore

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"
)

func auth(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) { // want auth:"authenticates"
	return nil, status.Error(codes.Unauthenticated, "no")
}

func build() {
	//grpcauthlint:ignore serverauth Watch is served behind an authenticating proxy
	s := grpc.NewServer(grpc.UnaryInterceptor(auth))
	healthpb.RegisterHealthServer(s, health.NewServer())

	t := grpc.NewServer(grpc.UnaryInterceptor(auth)) //grpcauthlint:ignore serverauth,dialcreds reviewed
	healthpb.RegisterHealthServer(t, health.NewServer())

	//grpcauthlint:ignore dialcreds not this pass
	u := grpc.NewServer(grpc.UnaryInterceptor(auth)) // want `Health\.Watch skips unary-only auth interceptor auth; add a stream auth interceptor`
	healthpb.RegisterHealthServer(u, health.NewServer())
}

//grpcauthlint:ignore serverauth nothing here // want `directive for serverauth silences nothing: remove it`
func quiet() {}
