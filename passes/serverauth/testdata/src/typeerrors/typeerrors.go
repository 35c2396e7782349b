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
	grpc.NewServer(grpc.UnaryInterceptor(auth), grpc.UnaryInterceptor(undefinedInterceptor)) // want `second grpc.UnaryInterceptor on one server`
	grpc.NewServer(grpc.UnaryInterceptor(), grpc.StreamInterceptor(nil, nil))
	grpc.NewServer(undefinedOpts...)
}
