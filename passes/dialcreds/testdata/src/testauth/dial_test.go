package testauth

import (
	"context"
	"testing"

	"google.golang.org/grpc/metadata"
)

func TestCall(t *testing.T) {
	conn, _ := Dial("localhost:0")
	ctx := metadata.AppendToOutgoingContext(context.Background(), "authorization", "Bearer test")
	_ = conn.Invoke(ctx, "/svc/M", nil, nil)
}
