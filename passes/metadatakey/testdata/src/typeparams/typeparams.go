package typeparams

import (
	"context"

	"google.golang.org/grpc/metadata"
)

type Getter[K ~string] struct{ md metadata.MD }

func (g Getter[K]) Get(k K) []string { return g.md[string(k)] }

func First[M ~map[string][]string](m M) []string {
	return m["Authorization"] // type parameter: not an MD
}

func Lookup[T any](ctx context.Context, _ T) []string {
	md, _ := metadata.FromIncomingContext(ctx)
	return md["Authorization"] // want `metadata key "Authorization" never matches: incoming keys are lowercase; use "authorization"`
}

func use() {
	var g Getter[string]
	_ = g.Get("Authorization")
	_ = First(metadata.MD{"Upper": {"v"}}) // want `metadata key "Upper" has uppercase letters: it is invalid on the wire; use "upper"`
}
