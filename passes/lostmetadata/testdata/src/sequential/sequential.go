// Package sequential appends outgoing metadata, then replaces it, in
// functions that are not interceptors.
package sequential

import (
	"context"
	"log"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

func appendThenNew(cc *grpc.ClientConn, token string, req, reply any) error {
	ctx := metadata.AppendToOutgoingContext(context.Background(), "authorization", "Bearer "+token) // added here
	ctx = metadata.NewOutgoingContext(ctx, metadata.Pairs("x-request-id", "1"))                     // want `NewOutgoingContext drops the outgoing metadata added by AppendToOutgoingContext`
	return cc.Invoke(ctx, "/x.Y/Z", req, reply)
}

func newThenNew(ctx context.Context, cc *grpc.ClientConn, token string, req, reply any) error {
	ctx = metadata.NewOutgoingContext(ctx, metadata.Pairs("authorization", "Bearer "+token)) // added here
	ctx = metadata.NewOutgoingContext(ctx, metadata.Pairs("x-request-id", "1"))              // want `added by NewOutgoingContext`
	return cc.Invoke(ctx, "/x.Y/Z", req, reply)
}

// On one path only: still dropped there.
func conditional(ctx context.Context, cc *grpc.ClientConn, token string, md metadata.MD, req, reply any) error {
	if token != "" {
		ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+token) // added here
	}
	ctx = metadata.NewOutgoingContext(ctx, md) // want `added by AppendToOutgoingContext`
	return cc.Invoke(ctx, "/x.Y/Z", req, reply)
}

// A path that returns takes its metadata with it.
func returned(ctx context.Context, cc *grpc.ClientConn, token string, md metadata.MD, req, reply any) error {
	if token != "" {
		ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+token)
		return cc.Invoke(ctx, "/x.Y/Z", req, reply)
	}
	ctx = metadata.NewOutgoingContext(ctx, md)
	return cc.Invoke(ctx, "/x.Y/Z", req, reply)
}

// Reassigned to a fresh context before the call: nothing is dropped.
func reassigned(cc *grpc.ClientConn, token string, md metadata.MD, req, reply any) error {
	ctx := metadata.AppendToOutgoingContext(context.Background(), "authorization", "Bearer "+token)
	_ = cc.Invoke(ctx, "/x.Y/Z", req, reply)
	ctx = context.Background()
	ctx = metadata.NewOutgoingContext(ctx, md)
	return cc.Invoke(ctx, "/x.Y/Z", req, reply)
}

// Appended in a loop, replaced after it.
func loop(cc *grpc.ClientConn, keys []string, md metadata.MD, req, reply any) error {
	ctx := context.Background()
	for _, k := range keys {
		ctx = metadata.AppendToOutgoingContext(ctx, k, "v") // added here
	}
	switch len(keys) {
	case 0:
		return nil
	}
	return cc.Invoke(metadata.NewOutgoingContext(ctx, md), "/x.Y/Z", req, reply) // want `added by AppendToOutgoingContext`
}

// Appended to another variable: this one is untouched.
func otherVar(cc *grpc.ClientConn, md metadata.MD, req, reply any) error {
	base := context.Background()
	authed := metadata.AppendToOutgoingContext(base, "authorization", "x")
	_ = cc.Invoke(authed, "/x.Y/Z", req, reply)
	return cc.Invoke(metadata.NewOutgoingContext(base, md), "/x.Y/Z", req, reply)
}

// Added before a break: the metadata leaves the loop with it.
func breakOut(cc *grpc.ClientConn, tokens []string, md metadata.MD, req, reply any) error {
	ctx := context.Background()
	for _, t := range tokens {
		if t != "" {
			ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+t) // added here
			break
		}
	}
	return cc.Invoke(metadata.NewOutgoingContext(ctx, md), "/x.Y/Z", req, reply) // want `added by AppendToOutgoingContext`
}

// A path that ends in log.Fatal (or os.Exit, panic) never reaches the
// call: what it added is not dropped.
func fatal(cc *grpc.ClientConn, token string, md metadata.MD, req, reply any) error {
	ctx := context.Background()
	if token == "" {
		ctx = metadata.AppendToOutgoingContext(ctx, "x-debug", "1")
		log.Fatal("no token")
	}
	if token == "exit" {
		ctx = metadata.AppendToOutgoingContext(ctx, "x-debug", "1")
		os.Exit(1)
	}
	return cc.Invoke(metadata.NewOutgoingContext(ctx, md), "/x.Y/Z", req, reply)
}
