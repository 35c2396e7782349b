// Package testfiles is reported in its non-test file only, by default.
package testfiles

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

func intercept(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	return invoker(metadata.NewOutgoingContext(ctx, metadata.Pairs("a", "b")), method, req, reply, cc, opts...) // want `drops the caller's outgoing metadata`
}
