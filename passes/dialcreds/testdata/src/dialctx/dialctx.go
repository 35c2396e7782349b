// Package dialctx: metadata on the context of DialContext is never sent.
package dialctx

import (
	"context"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/metadata"
)

func withTenant(ctx context.Context) context.Context {
	return metadata.AppendToOutgoingContext(ctx, "x-tenant", "t1")
}

func dial(ctx context.Context, addr string, c credentials.PerRPCCredentials) {
	auth := grpc.WithPerRPCCredentials(c)
	mctx := metadata.AppendToOutgoingContext(ctx, "x-tenant", "t1")
	grpc.DialContext(mctx, addr, auth) // want `^metadata attached to the context of grpc.DialContext is never sent; attach it to each RPC's context$`

	nctx := metadata.NewOutgoingContext(context.Background(), metadata.Pairs("x-tenant", "t1"))
	tctx, cancel := context.WithTimeout(nctx, time.Second)
	defer cancel()
	grpc.DialContext(tctx, addr, auth) // want `metadata attached to the context of grpc.DialContext is never sent`

	grpc.DialContext(withTenant(ctx), addr, auth)                                 // want `metadata attached to the context of grpc.DialContext`
	grpc.DialContext(metadata.AppendToOutgoingContext(ctx, "k", "v"), addr, auth) // want `metadata attached to the context of grpc.DialContext`

	grpc.DialContext(mctx, addr, auth) // want `metadata attached to the context of grpc.DialContext`

	plain, cancel2 := context.WithTimeout(ctx, time.Second)
	defer cancel2()
	grpc.DialContext(plain, addr, auth)
	grpc.DialContext(ctx, addr, auth)
	conn, _ := grpc.NewClient(addr, auth)
	conn.Invoke(ctx, "/svc/M", nil, nil)
}

// The context also carries the RPCs made after the dial: the metadata is
// sent with them.
func shared(ctx context.Context, addr, token string, c credentials.PerRPCCredentials) error {
	ctx = metadata.AppendToOutgoingContext(ctx, "x-tenant", "t1")
	conn, err := grpc.DialContext(ctx, addr, grpc.WithPerRPCCredentials(c))
	if err != nil {
		return err
	}
	return conn.Invoke(ctx, "/svc/M", nil, nil)
}

func sharedParent(ctx context.Context, addr string, c credentials.PerRPCCredentials) (context.Context, *grpc.ClientConn) {
	mctx := metadata.AppendToOutgoingContext(ctx, "x-tenant", "t1")
	dctx, cancel := context.WithTimeout(mctx, time.Second)
	defer cancel()
	conn, _ := grpc.DialContext(dctx, addr, grpc.WithPerRPCCredentials(c))
	return mctx, conn
}
