// Package authkey sends its token under x-api-key: with
// -dialcreds.auth-key=x-api-key that is per-call auth (rule 1) and a
// token interceptor (rule 5); by default neither (TestAuthKey).
package authkey

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
)

// Per call: a connection without credentials, the key on one call.
func Dial(target string) (*grpc.ClientConn, error) {
	return grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials())) // want `grpc.NewClient gets no credentials, though this package attaches them per call;`
}

func WithKey(ctx context.Context, key string) context.Context {
	return metadata.AppendToOutgoingContext(ctx, "X-Api-Key", key)
}

// A unary interceptor adding the key, on a connection that streams.
func keyUnary(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error { // want keyUnary:`interceptor\(token\)`
	return invoker(metadata.NewOutgoingContext(ctx, metadata.Pairs("x-api-key", "k")), method, req, reply, cc, opts...)
}

func Watch(ctx context.Context, addr string) {
	conn, _ := grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewTLS(nil)), grpc.WithUnaryInterceptor(keyUnary)) // want `Watch goes out without this unary interceptor's token;`
	healthpb.NewHealthClient(conn).Watch(ctx, &healthpb.HealthCheckRequest{})
}
