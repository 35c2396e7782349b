package testauthflag

import (
	"context"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
)

func TestCall(t *testing.T) {
	conn, _ := grpc.NewClient("api.example.com:443", grpc.WithTransportCredentials(insecure.NewCredentials())) // want `an RPC that forgets the per-call credentials fails with UNAUTHENTICATED: grpc.NewClient attaches none`
	ctx := metadata.AppendToOutgoingContext(context.Background(), "authorization", "Bearer test")
	_ = conn.Invoke(ctx, "/svc/M", nil, nil)
}
