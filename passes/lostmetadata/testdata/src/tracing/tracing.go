// Package tracing holds monitoring client interceptors that look their
// transaction or span up in the context, then replace the outgoing
// metadata with the tracing header (APM agents' gRPC integrations).
package tracing

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"

	"tracing/agent"
)

// The shape: handing ctx to the lookup does not make the header
// metadata that may merge; it is a string.
func UnaryClientInterceptor(ctx context.Context, method string, req, reply interface{}, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	if txn := agent.FromContext(ctx); txn != nil {
		if txt := txn.Payload(); txt != "" {
			ctx = metadata.NewOutgoingContext(ctx, metadata.Pairs("trace-payload", txt)) // want `NewOutgoingContext drops the caller's outgoing metadata;`
		}
	}
	return invoker(ctx, method, req, reply, cc, opts...)
}

// The same with the transaction made here.
func made(ctx context.Context, method string, req, reply interface{}, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	if txn := (&agent.Txn{}); txn != nil {
		ctx = metadata.NewOutgoingContext(ctx, metadata.Pairs("trace-payload", txn.Payload())) // want `drops the caller's outgoing metadata`
	}
	return invoker(ctx, method, req, reply, cc, opts...)
}

// A stream interceptor: the span is not metadata, and the trace id
// computed from it inside Pairs is a string.
func stream(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string, streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) {
	span := agent.SpanFromContext(ctx)
	ctx = metadata.NewOutgoingContext(ctx, metadata.Pairs("trace-id", span.TraceID())) // want `drops the caller's outgoing metadata`
	return streamer(ctx, desc, cc, method, opts...)
}

// Values computed from ctx inside Pairs and New.
func inline(ctx context.Context, method string, req, reply interface{}, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	ctx = metadata.NewOutgoingContext(ctx, metadata.Pairs("trace-payload", agent.FromContext(ctx).Payload()))                  /* added here */ // want `drops the caller's outgoing metadata`
	ctx = metadata.NewOutgoingContext(ctx, metadata.New(map[string]string{"trace-payload": agent.FromContext(ctx).Payload()})) // want `drops the outgoing metadata added by NewOutgoingContext`
	return invoker(ctx, method, req, reply, cc, opts...)
}

// A helper handed ctx that returns the metadata itself may have merged
// what ctx carries: left alone, directly or through a variable.
func helperMD(ctx context.Context, method string, req, reply interface{}, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	md := agent.OutgoingMD(ctx)
	if txn := agent.FromContext(ctx); txn != nil {
		md.Set("trace-payload", txn.Payload())
	}
	return invoker(metadata.NewOutgoingContext(ctx, md), method, req, reply, cc, opts...)
}

func helperInline(ctx context.Context, method string, req, reply interface{}, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	return invoker(metadata.NewOutgoingContext(ctx, metadata.Join(agent.OutgoingMD(ctx), metadata.Pairs("x-a", "b"))), method, req, reply, cc, opts...)
}

// Metadata a transaction found in ctx hands out may hold what ctx
// carried: left alone.
func txnHeaders(ctx context.Context, method string, req, reply interface{}, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	if txn := agent.FromContext(ctx); txn != nil {
		ctx = metadata.NewOutgoingContext(ctx, txn.Headers())
	}
	return invoker(ctx, method, req, reply, cc, opts...)
}

// A string copied from the old metadata keeps it, the authorization
// among it: left alone.
func keepsAuth(ctx context.Context, method string, req, reply interface{}, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	old, _ := metadata.FromOutgoingContext(ctx)
	var auth string
	if v := old["authorization"]; len(v) > 0 {
		auth = v[0]
	}
	if txn := agent.FromContext(ctx); txn != nil {
		ctx = metadata.NewOutgoingContext(ctx, metadata.Pairs("authorization", auth, "trace-payload", txn.Payload()))
	}
	return invoker(ctx, method, req, reply, cc, opts...)
}

// Headers copied one by one from a map a call handed ctx returned may be
// the old metadata itself: left alone, through Set and through an index.
func copiedHeaders(ctx context.Context, method string, req, reply interface{}, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	md := metadata.MD{}
	for k, v := range agent.Carried(ctx) {
		md.Set(k, v)
	}
	md.Set("trace-payload", agent.FromContext(ctx).Payload())
	return invoker(metadata.NewOutgoingContext(ctx, md), method, req, reply, cc, opts...)
}

func indexedHeader(ctx context.Context, method string, req, reply interface{}, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	h := agent.Carried(ctx)
	return invoker(metadata.NewOutgoingContext(ctx, metadata.Pairs("authorization", h["authorization"])), method, req, reply, cc, opts...)
}
