// Package app builds client connections with real grpc-go.
package app

import (
	"context"
	"net"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/test/bufconn"

	"example.com/realmod/creds"
)

func NoCreds(addr string) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr, creds.TLS()) // want "grpc.NewClient gets no credentials; add grpc.WithPerRPCCredentials"
}

func ViaWrapper(addr string) (*grpc.ClientConn, error) {
	return creds.Dial(addr) // want "creds.Dial gets no credentials; add grpc.WithPerRPCCredentials"
}

func Authed(addr, token string) (*grpc.ClientConn, error) {
	return creds.Dial(addr, grpc.WithPerRPCCredentials(creds.Token{Value: token}))
}

func TokenOnPlaintext(addr, token string, plaintext bool) (*grpc.ClientConn, error) {
	opts := []grpc.DialOption{grpc.WithPerRPCCredentials(creds.Token{Value: token})}
	if plaintext {
		opts = append(opts, creds.Plaintext())
	} else {
		opts = append(opts, creds.TLS())
	}
	return grpc.NewClient(addr, opts...) // want "when plaintext, creds.Token credentials over the options of creds.Plaintext require TLS; use credentials.NewTLS"
}

func MetadataOnDial(ctx context.Context, addr, token string) (*grpc.ClientConn, error) {
	ctx = metadata.AppendToOutgoingContext(ctx, "x-tenant", "t1")
	return grpc.DialContext(ctx, addr, grpc.WithPerRPCCredentials(creds.Token{Value: token}), creds.TLS()) // want "metadata attached to the context of grpc.DialContext is never sent"
}

func Discarded(token string) {
	grpc.WithPerRPCCredentials(creds.Token{Value: token}) // want "the DialOption built by grpc.WithPerRPCCredentials is discarded"
}

func Local() {
	grpc.NewClient("unix:///run/app.sock", grpc.WithTransportCredentials(insecure.NewCredentials()))
	lis := bufconn.Listen(1 << 20)
	grpc.NewClient("passthrough:///bufnet",
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }))
}
