// Package gateway serves HTTP through grpc-gateway: the connection
// Register*HandlerFromEndpoint dials goes back to the program's own
// server, and the gateway forwards the HTTP Authorization header on each
// call, so it needs no credentials of its own (not reported with
// all-connections). Credentials that require TLS on its insecure
// transport still fail.
package gateway

import (
	"context"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/credentials/oauth"

	"gateway/gw"
)

func serve(ctx context.Context) error {
	mux := runtime.NewServeMux()
	opts := []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}
	return gw.RegisterEchoHandlerFromEndpoint(ctx, mux, "localhost:9090", opts)
}

// register wraps the registration: its callers dial the own server too.
func register(ctx context.Context, mux *runtime.ServeMux, endpoint string, opts []grpc.DialOption) error { // want register:`dialer\(opts=3 target=2 base=none gateway\)`
	return gw.RegisterEchoHandlerFromEndpoint(ctx, mux, endpoint, opts)
}

func serveWrapped(ctx context.Context) error {
	return register(ctx, runtime.NewServeMux(), "localhost:9090", []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())})
}

func tlsCredsOnInsecure(ctx context.Context) error {
	opts := []grpc.DialOption{
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithPerRPCCredentials(oauth.TokenSource{}),
	}
	return gw.RegisterEchoHandlerFromEndpoint(ctx, runtime.NewServeMux(), "localhost:9090", opts) // want `oauth.TokenSource credentials over insecure.NewCredentials\(\) require TLS;`
}

// notGateway has the name but not the shape: its callers are judged.
func RegisterFooHandlerFromEndpoint(ctx context.Context, endpoint string, opts []grpc.DialOption) error { // want RegisterFooHandlerFromEndpoint:`dialer\(opts=2 target=1 base=none\)`
	_, err := grpc.NewClient(endpoint, opts...)
	return err
}

func serveFoo(ctx context.Context) error {
	return RegisterFooHandlerFromEndpoint(ctx, "localhost:9090", []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}) // want `gateway.RegisterFooHandlerFromEndpoint gets no credentials;`
}
