// Package chained adds outgoing metadata through helpers that call each
// other, then replaces it.
package chained

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

func withAuth(ctx context.Context, token string) context.Context { // want withAuth:"adds outgoing metadata \\(result 0\\)"
	if token == "" {
		return ctx
	}
	return metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+token)
}

// withUser adds through withAuth: a chain of helpers.
func withUser(ctx context.Context, user string) (context.Context, error) { // want withUser:"adds outgoing metadata \\(result 0\\)"
	ctx = withAuth(ctx, user)
	return ctx, nil
}

type Client struct{ token string }

func (c *Client) authed(ctx context.Context) (ctx2 context.Context) { // want authed:"adds outgoing metadata \\(result 0\\)"
	ctx2 = withAuth(ctx, c.token)
	return
}

// passThrough returns its own parameter: it adds nothing.
func passThrough(ctx context.Context) context.Context { return ctx }

func call(cc *grpc.ClientConn, req, reply any) error {
	ctx := withAuth(context.Background(), "t")                             // added here
	ctx = metadata.NewOutgoingContext(ctx, metadata.Pairs("x-trace", "1")) // want `drops the outgoing metadata added by withAuth; use metadata.AppendToOutgoingContext`
	return cc.Invoke(ctx, "/x.Y/Z", req, reply)
}

func call2(cc *grpc.ClientConn, req, reply any) error {
	ctx, err := withUser(context.Background(), "u") // added here
	if err != nil {
		return err
	}
	return cc.Invoke(metadata.NewOutgoingContext(ctx, metadata.Pairs("x-trace", "1")), "/x.Y/Z", req, reply) // want `added by withUser`
}

func (c *Client) call3(cc *grpc.ClientConn, req, reply any) error {
	ctx := c.authed(context.TODO())                                                                          // added here
	return cc.Invoke(metadata.NewOutgoingContext(ctx, metadata.Pairs("x-trace", "1")), "/x.Y/Z", req, reply) // want `added by \(\*Client\).authed`
}

func silent(cc *grpc.ClientConn, req, reply any) error {
	ctx := passThrough(context.Background())
	return cc.Invoke(metadata.NewOutgoingContext(ctx, metadata.Pairs("x-trace", "1")), "/x.Y/Z", req, reply)
}
