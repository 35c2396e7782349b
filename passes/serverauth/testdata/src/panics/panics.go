// Package panics holds servers given two UnaryInterceptor or
// StreamInterceptor options: NewServer panics (rule 3).
package panics

import (
	"context"

	"google.golang.org/grpc"
)

func a(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	return handler(ctx, req)
}

func b(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	return handler(ctx, req)
}

func sa(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	return handler(srv, ss)
}

func direct() {
	grpc.NewServer(grpc.UnaryInterceptor(a), grpc.UnaryInterceptor(b)) // want `grpc\.NewServer panics on a second grpc\.UnaryInterceptor; use grpc\.ChainUnaryInterceptor`
}

func stream() {
	grpc.NewServer(grpc.StreamInterceptor(sa), grpc.ChainUnaryInterceptor(a), grpc.StreamInterceptor(sa)) // want `grpc\.NewServer panics on a second grpc\.StreamInterceptor; use grpc\.ChainStreamInterceptor`
}

func logging() grpc.ServerOption { return grpc.UnaryInterceptor(a) } // want logging:"options UnaryInterceptor"

func viaHelper() {
	opts := []grpc.ServerOption{logging()}
	opts = append(opts, grpc.UnaryInterceptor(b)) // want `second grpc.UnaryInterceptor`
	grpc.NewServer(opts...)
}

// Alternatives on different paths do not panic.
func alternatives(debug bool) {
	var opts []grpc.ServerOption
	if debug {
		opts = append(opts, grpc.UnaryInterceptor(a))
	} else {
		opts = append(opts, grpc.UnaryInterceptor(b))
	}
	grpc.NewServer(opts...)
}

// Chains append: no panic.
func chains() {
	grpc.NewServer(grpc.ChainUnaryInterceptor(a), grpc.ChainUnaryInterceptor(b), grpc.UnaryInterceptor(a))
}
