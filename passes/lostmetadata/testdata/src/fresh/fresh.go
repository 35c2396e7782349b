// Package fresh replaces the metadata of contexts that carry none.
package fresh

import (
	"context"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

func background(cc *grpc.ClientConn, req, reply any) error {
	ctx := metadata.NewOutgoingContext(context.Background(), metadata.Pairs("authorization", "Bearer x"))
	return cc.Invoke(ctx, "/x.Y/Z", req, reply)
}

func derived(cc *grpc.ClientConn, req, reply any) error {
	ctx, cancel := context.WithTimeout(context.TODO(), time.Second)
	defer cancel()
	ctx = context.WithValue(ctx, "k", "v")
	ctx = metadata.NewOutgoingContext(ctx, metadata.Pairs("authorization", "Bearer x"))
	return cc.Invoke(ctx, "/x.Y/Z", req, reply)
}

// An interceptor that starts from a fresh context on purpose.
func fromScratch(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	fctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	return invoker(metadata.NewOutgoingContext(fctx, metadata.Pairs("a", "b")), method, req, reply, cc, opts...)
}

// Replacing with empty metadata, then setting it once, is silent too.
func cleared(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	ctx = metadata.NewOutgoingContext(ctx, metadata.MD{})
	ctx = metadata.NewOutgoingContext(ctx, metadata.Pairs("a", "b"))
	return invoker(ctx, method, req, reply, cc, opts...)
}
