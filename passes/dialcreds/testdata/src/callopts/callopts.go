// Package callopts attaches credentials as call options; on an insecure
// connection every such RPC fails.
package callopts

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/credentials/oauth"
)

type EchoClient interface {
	Echo(ctx context.Context, in string, opts ...grpc.CallOption) (string, error)
}

type echoClient struct{ cc grpc.ClientConnInterface }

func NewEchoClient(cc grpc.ClientConnInterface) EchoClient { return &echoClient{cc} }

func (c *echoClient) Echo(ctx context.Context, in string, opts ...grpc.CallOption) (string, error) {
	var out string
	err := c.cc.Invoke(ctx, "/Echo/Echo", in, &out, opts...)
	return out, err
}

func run(ctx context.Context, addr string, c credentials.PerRPCCredentials) {
	conn, _ := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials())) // want `grpc.NewClient gets no credentials, though this package attaches them per call;`
	client := NewEchoClient(conn)
	client.Echo(ctx, "x", grpc.PerRPCCredentials(oauth.TokenSource{}))                    // want `^oauth.TokenSource credentials over insecure.NewCredentials\(\) require TLS; use credentials.NewTLS$`
	conn.Invoke(ctx, "/Echo/Echo", nil, nil, grpc.PerRPCCredentials(oauth.TokenSource{})) // want `oauth.TokenSource credentials over insecure.NewCredentials\(\) require TLS;`
	client.Echo(ctx, "x", grpc.PerRPCCredentials(c))                                      // unknown credentials
	client.Echo(ctx, "x")

	secure, _ := grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewTLS(nil))) // want `grpc.NewClient gets no credentials, though this package attaches them per call;`
	NewEchoClient(secure).Echo(ctx, "x", grpc.PerRPCCredentials(oauth.TokenSource{}))
}
