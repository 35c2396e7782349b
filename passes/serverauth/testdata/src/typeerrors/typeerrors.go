// Package typeerrors does not type-check; the pass must not panic and
// must still judge what it can.
package typeerrors

import (
	"context"

	"google.golang.org/grpc"
)

func auth(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	return nil, undefinedCheck(ctx)
}

func build() {
	s := grpc.NewServer(grpc.UnaryInterceptor(auth), missing.Option())
	pb.RegisterFooServer(s, nil)
	if info.FullMethod == "/x.Y/Z" {
	}
	var opts []grpc.ServerOption = nope
	grpc.NewServer(opts...)
	grpc.NewServer(grpc.UnaryInterceptor(auth), grpc.UnaryInterceptor(undefinedInterceptor)) // want `second grpc.UnaryInterceptor`
	grpc.NewServer(grpc.UnaryInterceptor(), grpc.StreamInterceptor(nil, nil))
	grpc.NewServer(undefinedOpts...)
}

// Server constructors and options helpers that do not type-check.
func badServer() (*grpc.Server, error) {
	return undefinedServer()
}

func badServer2() *grpc.Server {
	return grpc.NewServer(grpc.UnaryInterceptor(auth)), nil
}

func fromBad() {
	s, err, x := badServer()
	t := badServer2()
	pb.RegisterFooServer(s, t, x, err)
}

func badOptions() []grpc.ServerOption { // want badOptions:"options UnaryInterceptor\\?, StreamInterceptor\\?, UnaryInterceptor, StreamInterceptor"
	var opts []grpc.ServerOption
	if undefinedCond {
		opts = append(opts, grpc.UnaryInterceptor(auth))
	}
	switch {
	case undefinedA, undefinedB:
		opts = append(opts, grpc.StreamInterceptor())
	}
	return append(opts, grpc.UnaryInterceptor(undefinedInterceptor), grpc.StreamInterceptor(nil, nil)) // want `when undefinedCond, grpc\.NewServer panics on a second grpc\.UnaryInterceptor; use grpc\.ChainUnaryInterceptor` `when undefinedA \|\| undefinedB, grpc\.NewServer panics on a second grpc\.StreamInterceptor; use grpc\.ChainStreamInterceptor`
}
