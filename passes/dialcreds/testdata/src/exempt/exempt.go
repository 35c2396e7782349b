// Package exempt: connections that need no token.
package exempt

import (
	"context"
	"net"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/credentials/local"
	"google.golang.org/grpc/credentials/oauth"
	"google.golang.org/grpc/test/bufconn"
)

const sock = "unix:" + "///run/app.sock"

var lis = bufconn.Listen(1 << 20)

func bufDialer(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }

func unixDialer(ctx context.Context, a string) (net.Conn, error) { return net.Dial("unix", a) }

func local_(addr string) {
	plain := grpc.WithTransportCredentials(insecure.NewCredentials())
	grpc.NewClient("unix:///run/app.sock", plain)
	grpc.NewClient("unix-abstract:app", plain)
	grpc.NewClient(sock, plain)
	l := bufconn.Listen(1024)
	grpc.NewClient("passthrough:///bufnet", plain, grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) {
		return l.DialContext(ctx)
	}))
	grpc.NewClient("passthrough:///bufnet", plain, grpc.WithContextDialer(bufDialer))
	grpc.NewClient(addr, grpc.WithTransportCredentials(local.NewCredentials()))
	grpc.NewClient("passthrough:///app", plain, grpc.WithContextDialer(func(ctx context.Context, a string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, "unix", "/run/app.sock")
	}))
	grpc.NewClient("app", plain, grpc.WithContextDialer(unixDialer))

	// Still reported: other targets, and credentials that need TLS.
	grpc.NewClient("dns:///api.example.com:443", plain)                                                        // want `grpc.NewClient gets no credentials;`
	grpc.NewClient("unix:///x.sock", grpc.WithPerRPCCredentials(oauth.TokenSource{}), plain)                   // want `oauth.TokenSource credentials over insecure.NewCredentials\(\) require TLS;`
	grpc.NewClient(addr, plain, grpc.WithContextDialer(func(ctx context.Context, a string) (net.Conn, error) { // want `grpc.NewClient gets no credentials;`
		return (&net.Dialer{}).DialContext(ctx, "tcp", a)
	}))
}
