// Package typeparams uses generic interceptors and helpers.
package typeparams

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

type Keyed interface{ ~string }

// Tagged returns an interceptor that tags calls with a key of type K.
func Tagged[K Keyed](key K) grpc.UnaryClientInterceptor {
	return func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		ctx = metadata.NewOutgoingContext(ctx, metadata.Pairs(string(key), "1")) // want `drops the caller's outgoing metadata`
		return invoker(ctx, method, req, reply, cc, opts...)
	}
}

// With adds metadata from any stringer.
func With[T interface{ String() string }](ctx context.Context, v T) context.Context { // want With:"adds outgoing metadata \\(result 0\\)"
	return metadata.AppendToOutgoingContext(ctx, "x-v", v.String())
}

type Box[T any] struct{ v T }

func (b *Box[T]) Ctx(ctx context.Context) context.Context { // want Ctx:"adds outgoing metadata \\(result 0\\)"
	return metadata.AppendToOutgoingContext(ctx, "x-box", "1")
}

type name string

func (n name) String() string { return string(n) }

func use(cc *grpc.ClientConn, b *Box[int], req, reply any) error {
	ctx := With(context.Background(), name("n"))                                                       // added here
	_ = cc.Invoke(metadata.NewOutgoingContext(ctx, metadata.Pairs("a", "b")), "/x.Y/Z", req, reply)    // want `added by With`
	ctx = b.Ctx(context.Background())                                                                  // added here
	return cc.Invoke(metadata.NewOutgoingContext(ctx, metadata.Pairs("a", "b")), "/x.Y/Z", req, reply) // want `added by \(\*Box\).Ctx`
}
