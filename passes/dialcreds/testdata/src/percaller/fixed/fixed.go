// Package fixed attaches the program's own token per call, from a
// receiver's field: that is evidence, and a connection without
// credentials is still reported.
package fixed

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/metadata"
)

type client struct { // want client:`fieldreads\(token\)`
	conn  *grpc.ClientConn
	token string
}

func dial(addr string) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewTLS(nil))) // want `grpc.NewClient gets no credentials, though this package attaches them per call;`
}

func (c *client) call(ctx context.Context, in any) error {
	ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+c.token)
	return c.conn.Invoke(ctx, "/svc/M", in, nil)
}
