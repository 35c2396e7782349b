package testfileson

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

func testIntercept(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	return invoker(metadata.NewOutgoingContext(ctx, metadata.Pairs("a", "b")), method, req, reply, cc, opts...) // want `drops the caller's outgoing metadata`
}
