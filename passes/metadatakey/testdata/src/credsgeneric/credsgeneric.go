// Package credsgeneric declares credentials on generic types.
package credsgeneric

import "context"

type Source[T ~string] struct{ tok T }

func (s Source[T]) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return map[string]string{":authorization": string(s.tok)}, nil // want `metadata key ":authorization" is an HTTP/2 pseudo-header`
}

func (Source[T]) RequireTransportSecurity() bool { return true }

type Map[M ~map[string]string] struct{ m M }

func (c Map[M]) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	out := map[string]string(c.m)
	out["x key"] = "v" // want `metadata key "x key" contains " "`
	return out, nil
}

func (Map[M]) RequireTransportSecurity() bool { return true }

// Generic has a type-parameterised result: not the interface's shape.
type Generic[M ~map[string]string] struct{}

func (Generic[M]) GetRequestMetadata(ctx context.Context, uri ...string) (M, error) {
	return M{"x key": "v"}, nil
}

func (Generic[M]) RequireTransportSecurity() bool { return true }
