// Package lib builds servers for package ctors, which knows its
// constructors by their facts.
package lib

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// Config is the exporter's configuration.
type Config struct{ AuthRequired bool }

func authorize(ctx context.Context) error { // want authorize:"authenticates"
	md, _ := metadata.FromIncomingContext(ctx)
	if len(md["authorization"]) == 0 {
		return status.Error(codes.Unauthenticated, "auth data not supplied")
	}
	return nil
}

func authUnary(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) { // want authUnary:"authenticates"
	if err := authorize(ctx); err != nil {
		return nil, err
	}
	return handler(ctx, req)
}

func authStream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error { // want authStream:"authenticates"
	if err := authorize(ss.Context()); err != nil {
		return err
	}
	return handler(srv, ss)
}

// NewGRPCServer authenticates unary RPCs only, when auth is required.
func NewGRPCServer(cfg Config) (*grpc.Server, error) { // want NewGRPCServer:"returns servers \\[UnaryInterceptor\\(auth authUnary\\)\\] or \\[\\]"
	if cfg.AuthRequired {
		return grpc.NewServer(grpc.UnaryInterceptor(authUnary)), nil
	}
	return grpc.NewServer(), nil
}

// Fixed authenticates both.
func Fixed(cfg Config) (*grpc.Server, error) { // want Fixed:"returns servers \\[UnaryInterceptor\\(auth authUnary\\), StreamInterceptor\\] or \\[\\]"
	if cfg.AuthRequired {
		return grpc.NewServer(grpc.UnaryInterceptor(authUnary), grpc.StreamInterceptor(authStream)), nil
	}
	return grpc.NewServer(), nil
}

// Local returns the server through a variable, and takes the
// options from Options.
func Local() *grpc.Server { // want Local:"returns servers \\[other, ChainUnaryInterceptor\\(auth authUnary\\)\\]"
	s := grpc.NewServer(Options()...)
	return s
}

// Options returns the server options.
func Options() []grpc.ServerOption { // want Options:"options other, ChainUnaryInterceptor\\(auth authUnary\\)"
	return []grpc.ServerOption{grpc.MaxRecvMsgSize(1 << 20), grpc.ChainUnaryInterceptor(authUnary)}
}

// With takes options from its caller: unknown.
func With(opts ...grpc.ServerOption) *grpc.Server { // want With:"returns servers \\[unknown, UnaryInterceptor\\(auth authUnary\\)\\]"
	return grpc.NewServer(append(opts, grpc.UnaryInterceptor(authUnary))...)
}

// Given returns a server it is given: no server it builds.
func Given(s *grpc.Server) *grpc.Server { return s }
