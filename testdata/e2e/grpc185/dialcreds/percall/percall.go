// Package percall attaches credentials per call, on a plaintext
// connection.
package percall

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"example.com/e2e185/dialcreds/dialhelp"
)

func PerCall(ctx context.Context, conn *grpc.ClientConn, token string) error {
	plain, _ := grpc.NewClient("api.example.com:443", grpc.WithTransportCredentials(insecure.NewCredentials())) // want "dialcreds: grpc.NewClient gets no credentials, though this package attaches them per call;"
	_ = plain.Invoke(ctx, "/svc/M", nil, nil, grpc.PerRPCCredentials(dialhelp.Token{Value: token}))             // want "dialcreds: dialhelp.Token credentials over insecure.NewCredentials\\(\\) require TLS;"
	return conn.Invoke(ctx, "/svc/M", nil, nil)
}
