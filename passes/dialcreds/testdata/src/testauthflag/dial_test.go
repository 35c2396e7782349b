package testauthflag

import (
	"context"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
)

func TestCall(t *testing.T) {
	conn, _ := grpc.NewClient("api.example.com:443", grpc.WithTransportCredentials(insecure.NewCredentials())) // want `grpc.NewClient gets no credentials, though this package attaches them per call;`
	ctx := metadata.AppendToOutgoingContext(context.Background(), "authorization", "Bearer test")
	_ = conn.Invoke(ctx, "/svc/M", nil, nil)
}
