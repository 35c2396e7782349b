// Package percall reads its credentials field to build per-call
// credentials: the field is used, and the connection without credentials
// gets the per-call finding instead.
package percall

import (
	"context"

	"golang.org/x/oauth2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/oauth"
)

// client reads its token to build per-call credentials: used.
type client struct { // want client:`fieldreads\(token\)`
	target string
	token  string
	conn   *grpc.ClientConn
}

func (c *client) dial() {
	c.conn, _ = grpc.NewClient(c.target, grpc.WithTransportCredentials(credentials.NewTLS(nil))) // want `grpc.NewClient gets no credentials, though this package attaches them per call;`
}

func (c *client) call(ctx context.Context) error {
	return c.conn.Invoke(ctx, "/svc/M", nil, nil, grpc.PerRPCCredentials(oauth.TokenSource{TokenSource: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: c.token})}))
}
