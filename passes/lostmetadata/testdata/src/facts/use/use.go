// Package use replaces metadata added by another package's helpers.
package use

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"

	"facts/helpers"
)

func call(cc *grpc.ClientConn, req, reply any) error {
	ctx := helpers.WithToken(context.Background(), "t")
	return cc.Invoke(metadata.NewOutgoingContext(ctx, metadata.Pairs("x-a", "b")), "/x.Y/Z", req, reply) // want `added on line 14 by helpers.WithToken`
}

func session(cc *grpc.ClientConn, req, reply any) error {
	_, ctx, err := helpers.Session(context.Background())
	if err != nil {
		return err
	}
	return cc.Invoke(metadata.NewOutgoingContext(ctx, metadata.Pairs("x-a", "b")), "/x.Y/Z", req, reply) // want `added on line 19 by helpers.Session`
}

func method(a helpers.Auth, cc *grpc.ClientConn, req, reply any) error {
	ctx := a.Attach(context.Background())
	return cc.Invoke(metadata.NewOutgoingContext(ctx, metadata.Pairs("x-a", "b")), "/x.Y/Z", req, reply) // want `added on line 27 by Auth.Attach`
}

func detached(cc *grpc.ClientConn, req, reply any) error {
	ctx := helpers.Detach(context.Background())
	return cc.Invoke(metadata.NewOutgoingContext(ctx, metadata.Pairs("x-a", "b")), "/x.Y/Z", req, reply)
}
