// Package typeerrors does not type-check; the pass must not panic and
// must still judge what it can.
package typeerrors

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

func broken(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	_ = metadata.NewOutgoingContext(ctx)
	_ = metadata.NewOutgoingContext(undefinedCtx, metadata.Pairs("a", "b"))
	_ = metadata.NewOutgoingContext(ctx, undefinedMD)
	_ = metadata.NewOutgoingContext(ctx, metadata.Pairs(undefined...))
	ctx, missing := nope(ctx)
	_ = missing
	ctx = metadata.NewOutgoingContext(ctx, metadata.Pairs("a", "b"))
	return invoker(metadata.NewOutgoingContext(context.Background(), metadata.MD{"k": {nope}}), method, req, reply, cc, opts...)
}

func (x *undefinedType) intercept(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	return invoker(metadata.NewOutgoingContext(ctx, metadata.Pairs("a", "b")), method, req, reply, cc, opts...) // want `drops the caller's outgoing metadata`
}

func broken2(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	return invoker(metadata.NewOutgoingContext(ctx, metadata.Pairs("a", "b")), method, req, reply, cc, opts...) // want `drops the caller's outgoing metadata`
}
