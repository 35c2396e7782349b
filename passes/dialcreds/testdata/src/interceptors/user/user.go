// Package user: the interceptors of interceptors/lib, through facts.
package user

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"

	"interceptors/lib"
)

// call attaches a token per call: connections without credentials are
// reported.
func call(ctx context.Context, c healthpb.HealthClient, tok string) {
	c.Check(metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+tok), &healthpb.HealthCheckRequest{})
}

func dials(ctx context.Context, addr string) {
	tls := grpc.WithTransportCredentials(credentials.NewTLS(nil))
	grpc.NewClient(addr, tls, grpc.WithUnaryInterceptor(lib.LogUnary))    // want `grpc.NewClient gets no credentials, though this package attaches them per call;`
	grpc.NewClient(addr, tls, grpc.WithUnaryInterceptor(lib.NewLogger())) // want `grpc.NewClient gets no credentials, though this package attaches them per call;`
	grpc.NewClient(addr, append(lib.LogOpts(), tls)...)                   // want `grpc.NewClient gets no credentials, though this package attaches them per call;`
	grpc.NewClient(addr, tls, grpc.WithUnaryInterceptor(lib.Traced))
	grpc.NewClient(addr, tls, grpc.WithUnaryInterceptor(lib.TokenUnary))

	conn, _ := grpc.NewClient(addr, tls, grpc.WithUnaryInterceptor(lib.TokenUnary)) // want `Watch goes out without this unary interceptor's token;`
	healthpb.NewHealthClient(conn).Watch(ctx, &healthpb.HealthCheckRequest{})

	conn2, _ := grpc.NewClient(addr, append(lib.TokenOpts(), tls)...) // want `Watch goes out without this unary interceptor's token;`
	healthpb.NewHealthClient(conn2).Watch(ctx, &healthpb.HealthCheckRequest{})
}
