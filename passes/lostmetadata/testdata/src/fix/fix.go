// Package fix holds the calls whose md has a shape the fix can spell as
// AppendToOutgoingContext arguments.
package fix

import (
	"context"

	"google.golang.org/grpc"
	md "google.golang.org/grpc/metadata"
)

const keyTenant = "x-tenant"

func pairs(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	id := "1"
	ctx = md.NewOutgoingContext(ctx, md.Pairs("x-request-id", id, keyTenant, "t")) // want `use metadata.AppendToOutgoingContext$`
	return invoker(ctx, method, req, reply, cc, opts...)
}

func literal(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	return invoker(md.NewOutgoingContext(ctx, md.MD{"X-Request-Id": {"1"}, keyTenant: []string{"a", "b"}}), method, req, reply, cc, opts...) // want `use metadata.AppendToOutgoingContext$`
}

func multiline(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	ctx = md.NewOutgoingContext(ctx, md.MD{ // want `use metadata.AppendToOutgoingContext$`
		"x-a": {"1"}, // a comment that stays
		"x-b": {
			"2",
			"3",
		},
	})
	return invoker(ctx, method, req, reply, cc, opts...)
}

func newMap(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	return invoker(md.NewOutgoingContext(ctx, md.New(map[string]string{"x-a": "1", "x-b": method})), method, req, reply, cc, opts...) // want `use metadata.AppendToOutgoingContext$`
}

// No fix: a spread, a value list that is no literal, a variable key
// with several values, an md variable.
func noFix(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	kv := []string{"a", "b"}
	vals := []string{"v"}
	_ = md.NewOutgoingContext(ctx, md.Pairs(kv...))           // want `send metadata.Join\(old, md\)`
	_ = md.NewOutgoingContext(ctx, md.MD{"x-a": vals})        // want `send metadata.Join\(old, md\)`
	_ = md.NewOutgoingContext(ctx, md.MD{method: {"1", "2"}}) // want `send metadata.Join\(old, md\)`
	m := md.Pairs("a", "b")
	return invoker(md.NewOutgoingContext(ctx, m), method, req, reply, cc, opts...) // want `send metadata.Join\(old, md\)`
}
