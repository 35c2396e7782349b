// Package codes holds auth interceptors that reject with a plain
// error (rule 2), and the ones that do it right.
package codes

import (
	"context"
	"errors"
	"fmt"

	grpc_auth "github.com/grpc-ecosystem/go-grpc-middleware/auth"
	authv2 "github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/auth"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/peer"
	"google.golang.org/grpc/status"
)

var errNoToken = errors.New("no token")

var errDenied = status.Error(codes.PermissionDenied, "denied")

func plain(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) { // want plain:"authenticates"
	md, _ := metadata.FromIncomingContext(ctx)
	if len(md["authorization"]) == 0 {
		return nil, errors.New("missing token") // want `auth failure is a plain error \(codes\.Unknown\); return status\.Error\(codes\.Unauthenticated, \.\.\.\)`
	}
	if md["authorization"][0] == "" {
		return nil, fmt.Errorf("empty token for %s", info.FullMethod) // want `auth failure is a plain error \(codes\.Unknown\); return status\.Error\(codes\.Unauthenticated, \.\.\.\)`
	}
	if md["authorization"][0] == "x" {
		return nil, errNoToken // want `auth failure is a plain error \(codes\.Unknown\); return status\.Error\(codes\.Unauthenticated, \.\.\.\)`
	}
	if md["authorization"][0] == "y" {
		return nil, errDenied
	}
	resp, err := handler(ctx, req)
	if err != nil {
		// After the handler: not an auth failure.
		return nil, fmt.Errorf("handler: %v", err)
	}
	return resp, nil
}

// A stream interceptor checking the peer's TLS auth info.
func peerStream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error { // want peerStream:"authenticates"
	p, ok := peer.FromContext(ss.Context())
	if !ok || p.AuthInfo == nil {
		return errors.New("no client certificate") // want `auth failure is a plain error \(codes\.Unknown\); return status\.Error\(codes\.Unauthenticated, \.\.\.\)`
	}
	return handler(srv, ss)
}

// Wrapping with %w keeps a status error it wraps: not judged.
func wrapped(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) { // want wrapped:"authenticates"
	if err := check(ctx); err != nil {
		return nil, fmt.Errorf("auth: %w", err)
	}
	return handler(ctx, req)
}

func check(ctx context.Context) error { // want check:"authenticates"
	if len(metadata.ValueFromIncomingContext(ctx, "authorization")) == 0 {
		return status.Error(codes.Unauthenticated, "no token")
	}
	return nil
}

// Not an auth interceptor: plain errors are not judged here.
func limiter(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	return nil, errors.New("rate limited")
}

// go-grpc-middleware returns the AuthFunc's error as is.
func authFunc(ctx context.Context) (context.Context, error) { // want authFunc:"authenticates"
	tok, err := grpc_auth.AuthFromMD(ctx, "bearer")
	if err != nil {
		return nil, err
	}
	if tok != "secret" {
		return nil, errors.New("bad token") // want `auth failure is a plain error \(codes\.Unknown\); return status\.Error\(codes\.Unauthenticated, \.\.\.\)`
	}
	return ctx, nil
}

var (
	v1 = grpc_auth.UnaryServerInterceptor(authFunc)
	v2 = authv2.StreamServerInterceptor(func(ctx context.Context) (context.Context, error) {
		return nil, fmt.Errorf("no") // want `auth failure is a plain error \(codes\.Unknown\); return status\.Error\(codes\.Unauthenticated, \.\.\.\)`
	})
)
