// Package lostmetadata holds client interceptors that add a request id
// to outgoing metadata: one replaces the caller's metadata (and with it
// the authorization header), the others extend it. runtime_test.go runs
// them against an in-process server.
package lostmetadata

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

// ReplacingUnary drops the caller's outgoing metadata.
func ReplacingUnary(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	ctx = metadata.NewOutgoingContext(ctx, metadata.Pairs("x-request-id", "42")) // want "lostmetadata: NewOutgoingContext drops the caller's outgoing metadata; use metadata.AppendToOutgoingContext"
	return invoker(ctx, method, req, reply, cc, opts...)
}

// ReplacingStream drops it for streams.
func ReplacingStream(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string, streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) {
	md := metadata.Pairs("x-request-id", "42")
	return streamer(metadata.NewOutgoingContext(ctx, md), desc, cc, method, opts...) // want "lostmetadata: NewOutgoingContext drops the caller's outgoing metadata.*send metadata.Join\\(old, md\\)"
}

// AppendingUnary keeps it.
func AppendingUnary(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	ctx = metadata.AppendToOutgoingContext(ctx, "x-request-id", "42")
	return invoker(ctx, method, req, reply, cc, opts...)
}

// JoiningStream keeps it too.
func JoiningStream(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string, streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) {
	old, _ := metadata.FromOutgoingContext(ctx)
	md := metadata.Join(old, metadata.Pairs("x-request-id", "42"))
	return streamer(metadata.NewOutgoingContext(ctx, md), desc, cc, method, opts...)
}
