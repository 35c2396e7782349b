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
	plain, _ := grpc.NewClient("api.example.com:443", grpc.WithTransportCredentials(insecure.NewCredentials())) // want "dialcreds: an RPC that forgets the per-call credentials fails with UNAUTHENTICATED: grpc.NewClient attaches none"
	_ = plain.Invoke(ctx, "/svc/M", nil, nil, grpc.PerRPCCredentials(dialhelp.Token{Value: token}))             // want "dialcreds: this RPC fails with Unauthenticated \"cannot send secure credentials on an insecure connection\": dialhelp.Token credentials over"
	return conn.Invoke(ctx, "/svc/M", nil, nil)
}
