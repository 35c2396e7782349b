// Package merged builds the new md from the old one: every form is
// silent.
package merged

import (
	"context"
	"maps"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

func join(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	old, _ := metadata.FromOutgoingContext(ctx)
	md := metadata.Join(old, metadata.Pairs("x-a", "b"))
	return invoker(metadata.NewOutgoingContext(ctx, md), method, req, reply, cc, opts...)
}

func joinInline(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	md, _ := metadata.FromOutgoingContext(ctx)
	return invoker(metadata.NewOutgoingContext(ctx, metadata.Join(md, metadata.Pairs("x-a", "b"))), method, req, reply, cc, opts...)
}

func copied(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	old, _ := metadata.FromOutgoingContext(ctx)
	md := old.Copy()
	md.Append("x-a", "b")
	return invoker(metadata.NewOutgoingContext(ctx, md), method, req, reply, cc, opts...)
}

func loop(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	md := metadata.Pairs("x-a", "b")
	if old, ok := metadata.FromOutgoingContext(ctx); ok {
		for k, vs := range old {
			md[k] = vs
		}
	}
	return invoker(metadata.NewOutgoingContext(ctx, md), method, req, reply, cc, opts...)
}

func setLoop(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	md := metadata.MD{}
	old, _ := metadata.FromOutgoingContext(ctx)
	for k := range old {
		if !strings.HasPrefix(k, "x-internal-") {
			md.Set(k, old.Get(k)...)
		}
	}
	return invoker(metadata.NewOutgoingContext(ctx, md), method, req, reply, cc, opts...)
}

func mapsCopy(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	md := metadata.Pairs("x-a", "b")
	old, _ := metadata.FromOutgoingContext(ctx)
	maps.Copy(md, old)
	return invoker(metadata.NewOutgoingContext(ctx, md), method, req, reply, cc, opts...)
}

// The header the caller set is carried over by value.
func valueKept(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	md := metadata.Pairs("x-a", "b")
	if auth := metadata.ValueFromOutgoingContext(ctx, "authorization"); len(auth) > 0 {
		md.Set("authorization", auth...)
	}
	return invoker(metadata.NewOutgoingContext(ctx, md), method, req, reply, cc, opts...)
}

// An md computed by a call handed the context may merge: silent.
func headersFor(ctx context.Context) metadata.MD { return nil }

func opaque(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	return invoker(metadata.NewOutgoingContext(ctx, headersFor(ctx)), method, req, reply, cc, opts...)
}

// A string computed from the context is just a value: still reported.
func idFrom(ctx context.Context) string { return "" }

func notOpaque(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	return invoker(metadata.NewOutgoingContext(ctx, metadata.Pairs("x-id", idFrom(ctx))), method, req, reply, cc, opts...) // want `drops the caller's outgoing metadata`
}
