// Package typeerrors does not type-check; the pass must not panic and
// must still judge what it can.
package typeerrors

import (
	"context"

	"google.golang.org/grpc/metadata"
)

func f(ctx context.Context) {
	md, _ := metadata.FromIncomingContext(ctx)
	_ = md[undefinedKey]
	_ = md["Authorization"] // want `metadata key "Authorization" never matches`
	_ = metadata.Pairs(undefined...)
	_ = metadata.Pairs("a", 1)
	_ = metadata.MD{"X-Bad": nope} // want `metadata key "X-Bad" has uppercase letters: it is invalid on the wire; use "x-bad"`
	var m = missing.MD{"X": {"1"}}
	for k := range missing {
		if k == "Authorization" {
		}
	}
	switch {
	case md == nil:
	}
	delete(md)
	md.Set()
	_ = metadata.NewOutgoingContext(ctx)
	_ = m
}
