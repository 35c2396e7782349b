// Package nonintercept replaces the metadata of contexts that functions
// other than client interceptors receive: what their callers put there
// cannot be judged.
package nonintercept

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

func withTenant(ctx context.Context, tenant string) context.Context { // want withTenant:"adds outgoing metadata \\(result 0\\)"
	return metadata.NewOutgoingContext(ctx, metadata.Pairs("x-tenant", tenant))
}

func call(ctx context.Context, cc *grpc.ClientConn, md metadata.MD, req, reply any) error {
	return cc.Invoke(metadata.NewOutgoingContext(ctx, md), "/x.Y/Z", req, reply)
}

// A server handler forwarding its incoming metadata: the classic proxy.
func handle(ctx context.Context, req any) (any, error) {
	in, _ := metadata.FromIncomingContext(ctx)
	ctx = metadata.NewOutgoingContext(ctx, in)
	return nil, nil
}

// A function literal that is no interceptor.
var forward = func(ctx context.Context, md metadata.MD) context.Context {
	return metadata.NewOutgoingContext(ctx, md)
}

// Not an interceptor's context: the stream's, through an unknown call.
func streamCtx(s grpc.ClientStream, md metadata.MD) context.Context { // want streamCtx:"adds outgoing metadata \\(result 0\\)"
	return metadata.NewOutgoingContext(s.Context(), md)
}
