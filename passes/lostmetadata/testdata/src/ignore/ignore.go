// Package ignore silences a finding with a directive.
package ignore

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

func intercept(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	//grpcauthlint:ignore lostmetadata this interceptor talks to a service that takes no credentials
	ctx = metadata.NewOutgoingContext(ctx, metadata.Pairs("a", "b"))
	//grpcauthlint:ignore lostmetadata nothing to silence here // want `//grpcauthlint:ignore directive for lostmetadata silences nothing: remove it`
	return invoker(ctx, method, req, reply, cc, opts...)
}
