// Package dialcreds builds client connections with real grpc-go.
package dialcreds

import (
	"context"
	"net"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/test/bufconn"

	"example.com/e2e185/dialcreds/dialhelp"
)

func NoCreds(addr string) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr, dialhelp.TLS())
}

func ViaWrapper(addr string) (*grpc.ClientConn, error) {
	return dialhelp.Dial(addr)
}

func Authed(addr, token string) (*grpc.ClientConn, error) {
	return dialhelp.Dial(addr, grpc.WithPerRPCCredentials(dialhelp.Token{Value: token}))
}

func TokenOnPlaintext(addr, token string, plaintext bool) (*grpc.ClientConn, error) {
	opts := []grpc.DialOption{grpc.WithPerRPCCredentials(dialhelp.Token{Value: token})}
	if plaintext {
		opts = append(opts, dialhelp.Plaintext())
	} else {
		opts = append(opts, dialhelp.TLS())
	}
	return grpc.NewClient(addr, opts...) // want "dialcreds: when plaintext, dialhelp.Token credentials over the options of dialhelp.Plaintext require TLS;"
}

func MetadataOnDial(ctx context.Context, addr, token string) (*grpc.ClientConn, error) {
	ctx = metadata.AppendToOutgoingContext(ctx, "x-tenant", "t1")
	return grpc.DialContext(ctx, addr, grpc.WithPerRPCCredentials(dialhelp.Token{Value: token}), dialhelp.TLS()) // want "dialcreds: metadata attached to the context of grpc.DialContext is never sent"
}

func Discarded(token string) {
	grpc.WithPerRPCCredentials(dialhelp.Token{Value: token}) // want "dialcreds: the DialOption built by grpc.WithPerRPCCredentials is discarded;"
}

func Local() {
	grpc.NewClient("unix:///run/app.sock", grpc.WithTransportCredentials(insecure.NewCredentials()))
	lis := bufconn.Listen(1 << 20)
	grpc.NewClient("passthrough:///bufnet",
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }))
}
