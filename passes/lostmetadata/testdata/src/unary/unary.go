// Package unary holds unary client interceptors that replace the
// caller's outgoing metadata.
package unary

import (
	"context"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

func newID() string { return "id" }

// A function declaration with the interceptor's shape.
func withRequestID(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	ctx = metadata.NewOutgoingContext(ctx, metadata.Pairs("x-request-id", newID())) // want `NewOutgoingContext drops the caller's outgoing metadata; use metadata.AppendToOutgoingContext`
	return invoker(ctx, method, req, reply, cc, opts...)
}

type client struct {
	md metadata.MD
}

// A method, with an md from a field: no fix, the message names Join.
func (c *client) intercept(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	return invoker(metadata.NewOutgoingContext(ctx, c.md), method, req, reply, cc, opts...) // want `drops the caller's outgoing metadata.*; send metadata.Join\(old, md\), old from FromOutgoingContext$`
}

// A derived context still carries the caller's metadata.
func derived(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	tctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	vctx := context.WithValue(tctx, "k", "v")
	md := metadata.New(map[string]string{"x-tenant": "t"})
	return invoker(metadata.NewOutgoingContext(vctx, md), method, req, reply, cc, opts...) // want `drops the caller's outgoing metadata`
}

// Function literals: passed to the dial option, assigned to a variable.
func dial() {
	_, _ = grpc.NewClient("localhost:443", grpc.WithUnaryInterceptor(func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		ctx = metadata.NewOutgoingContext(ctx, metadata.MD{"x-client": {"c"}}) // want `drops the caller's outgoing metadata`
		return invoker(ctx, method, req, reply, cc, opts...)
	}))
}

var Interceptor grpc.UnaryClientInterceptor = func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	return invoker(metadata.NewOutgoingContext(ctx, metadata.Pairs("a", "b")), method, req, reply, cc, opts...) // want `drops the caller's outgoing metadata`
}

// A constructor returning the interceptor: the md comes from its
// parameter, the context from the literal's.
func New(md metadata.MD) grpc.UnaryClientInterceptor {
	return func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		go func() {
			_ = metadata.NewOutgoingContext(ctx, md) // want `drops the caller's outgoing metadata`
		}()
		return invoker(ctx, method, req, reply, cc, opts...)
	}
}

// The right forms are silent.
func good(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	ctx = metadata.AppendToOutgoingContext(ctx, "x-request-id", newID())
	old, _ := metadata.FromOutgoingContext(ctx)
	ctx = metadata.NewOutgoingContext(ctx, metadata.Join(old, metadata.Pairs("x-a", "b")))
	return invoker(ctx, method, req, reply, cc, opts...)
}

// Clearing the metadata on purpose is silent.
func strip(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	ctx = metadata.NewOutgoingContext(ctx, metadata.MD{})
	_ = metadata.NewOutgoingContext(ctx, nil)
	_ = metadata.NewOutgoingContext(ctx, metadata.New(nil))
	return invoker(ctx, method, req, reply, cc, opts...)
}

// A fresh context inside an interceptor is silent.
func detached(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	ctx = context.Background()
	ctx = metadata.NewOutgoingContext(ctx, metadata.Pairs("a", "b"))
	return invoker(ctx, method, req, reply, cc, opts...)
}
