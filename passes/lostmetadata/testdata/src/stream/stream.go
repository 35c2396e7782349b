// Package stream holds stream client interceptors that replace the
// caller's outgoing metadata.
package stream

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

func streamTenant(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string, streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) {
	ctx = metadata.NewOutgoingContext(ctx, metadata.Pairs("x-tenant", "t")) // want `drops the caller's outgoing metadata;`
	return streamer(ctx, desc, cc, method, opts...)
}

func dial() {
	_, _ = grpc.NewClient("localhost:443", grpc.WithChainStreamInterceptor(
		func(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string, streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) {
			md := metadata.Pairs("x-a", "b")
			if method == "/x.Y/Z" {
				md.Set("x-c", "d")
			}
			return streamer(metadata.NewOutgoingContext(ctx, md), desc, cc, method, opts...) // want `drops the caller's outgoing metadata`
		},
		func(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string, streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) {
			md, ok := metadata.FromOutgoingContext(ctx)
			if !ok {
				md = metadata.MD{}
			}
			md.Set("x-a", "b")
			return streamer(metadata.NewOutgoingContext(ctx, md), desc, cc, method, opts...)
		},
	))
}
