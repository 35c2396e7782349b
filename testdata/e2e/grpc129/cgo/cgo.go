// Package cgo mixes cgo and gRPC metadata: the passes must see through
// the cgo-generated files.
package cgo

/*
static int answer(void) { return 42; }
*/
import "C"

import (
	"context"

	"google.golang.org/grpc/metadata"
)

func Answer(ctx context.Context) (int, []string) {
	md, _ := metadata.FromIncomingContext(ctx)
	return int(C.answer()), md["X-Cgo"] // want "metadatakey: metadata key \"X-Cgo\" never matches"
}
