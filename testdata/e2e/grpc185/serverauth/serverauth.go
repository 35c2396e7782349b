// Package serverauth holds the servers the serverauth pass reports,
// built on the real grpc-go v1.85.0; serverauth_test.go runs them
// in process and shows what the messages say happens.
package serverauth

import (
	"context"
	"errors"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// Token is the token the servers accept.
const Token = "Bearer s3cret"

func authorized(ctx context.Context) bool {
	md, _ := metadata.FromIncomingContext(ctx)
	return len(md["authorization"]) == 1 && md["authorization"][0] == Token
}

// AuthUnary rejects calls without the token.
func AuthUnary(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	if !authorized(ctx) {
		return nil, status.Error(codes.Unauthenticated, "missing or invalid token")
	}
	return handler(ctx, req)
}

// UnaryOnly authenticates unary RPCs only: Watch is served to anybody.
func UnaryOnly(h healthpb.HealthServer) *grpc.Server {
	s := grpc.NewServer(grpc.UnaryInterceptor(AuthUnary)) // want "serverauth: Health.Watch skips unary-only auth interceptor AuthUnary; add a stream auth interceptor"
	healthpb.RegisterHealthServer(s, h)
	return s
}

// PlainAuth rejects with a plain error.
func PlainAuth(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	if !authorized(ctx) {
		return nil, errors.New("missing or invalid token") // want "serverauth: auth failure is a plain error \\(codes.Unknown\\); return status.Error\\(codes.Unauthenticated, ...\\)"
	}
	return handler(ctx, req)
}

func logging(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	return handler(ctx, req)
}

// TwoUnary gives two UnaryInterceptor options: NewServer panics.
func TwoUnary() *grpc.Server {
	return grpc.NewServer(grpc.UnaryInterceptor(logging), grpc.UnaryInterceptor(PlainAuth)) // want "serverauth: grpc.NewServer panics on a second grpc.UnaryInterceptor; use grpc.ChainUnaryInterceptor"
}

// AuthOptions gives the token check when auth is on and logging on
// every path, both with grpc.UnaryInterceptor: every server built from
// them panics when auth is on.
func AuthOptions(auth bool) []grpc.ServerOption {
	var opts []grpc.ServerOption
	if auth {
		opts = append(opts, grpc.UnaryInterceptor(AuthUnary))
	}
	return append(opts, grpc.UnaryInterceptor(logging)) // want "serverauth: when auth, grpc.NewServer panics on a second grpc.UnaryInterceptor; use grpc.ChainUnaryInterceptor"
}

// public lists the methods served without a token.
var public = map[string]bool{
	"grpc.health.v1.Health/Check": true, // want "serverauth: method \"grpc.health.v1.Health/Check\" never matches \\(no leading \"/\"\\); use healthpb.Health_Check_FullMethodName"
}

// AllowPublic lets the public methods through without a token.
func AllowPublic(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	if public[info.FullMethod] {
		return handler(ctx, req)
	}
	return AuthUnary(ctx, req, info, handler)
}
