package server

import (
	"context"
	"testing"

	"google.golang.org/grpc/metadata"
)

// Findings in tests are reported only with -metadatakey.tests
// (TestCommandLine checks that flag end to end).
func TestAuthorize(t *testing.T) {
	ctx := metadata.NewIncomingContext(context.Background(), metadata.Pairs("authorization", "Bearer t"))
	md, _ := metadata.FromIncomingContext(ctx)
	if len(md["Authorization"]) != 0 {
		t.Fatal("keys are lowercase")
	}
}
