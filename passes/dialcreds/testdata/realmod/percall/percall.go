// Package percall attaches credentials per call, on a plaintext
// connection.
package percall

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"example.com/realmod/creds"
)

func PerCall(ctx context.Context, conn *grpc.ClientConn, token string) error {
	plain, _ := grpc.NewClient("api.example.com:443", grpc.WithTransportCredentials(insecure.NewCredentials())) // want "grpc.NewClient gets no credentials, though this package attaches them per call; attach them once with grpc.WithPerRPCCredentials"
	_ = plain.Invoke(ctx, "/svc/M", nil, nil, grpc.PerRPCCredentials(creds.Token{Value: token}))                // want "creds.Token credentials over insecure.NewCredentials\\(\\) require TLS; use credentials.NewTLS"
	return conn.Invoke(ctx, "/svc/M", nil, nil)
}
