// Package use replaces metadata added by another package's helpers.
package use

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"

	"facts/helpers"
)

func call(cc *grpc.ClientConn, req, reply any) error {
	ctx := helpers.WithToken(context.Background(), "t")                                                  // added here
	return cc.Invoke(metadata.NewOutgoingContext(ctx, metadata.Pairs("x-a", "b")), "/x.Y/Z", req, reply) // want `added by helpers.WithToken`
}

func session(cc *grpc.ClientConn, req, reply any) error {
	_, ctx, err := helpers.Session(context.Background()) // added here
	if err != nil {
		return err
	}
	return cc.Invoke(metadata.NewOutgoingContext(ctx, metadata.Pairs("x-a", "b")), "/x.Y/Z", req, reply) // want `added by helpers.Session`
}

func method(a helpers.Auth, cc *grpc.ClientConn, req, reply any) error {
	ctx := a.Attach(context.Background())                                                                // added here
	return cc.Invoke(metadata.NewOutgoingContext(ctx, metadata.Pairs("x-a", "b")), "/x.Y/Z", req, reply) // want `added by helpers.Auth.Attach`
}

func detached(cc *grpc.ClientConn, req, reply any) error {
	ctx := helpers.Detach(context.Background())
	return cc.Invoke(metadata.NewOutgoingContext(ctx, metadata.Pairs("x-a", "b")), "/x.Y/Z", req, reply)
}
