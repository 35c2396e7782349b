// Package passedon: maps handed on with NewIncomingContext. Keys written
// into them are lowercased by FromIncomingContext on the other side, but
// a raw read of a map that came from FromIncomingContext still never
// matches an uppercase key.
package passedon

import (
	"context"
	"errors"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

func subject(token string) (string, error) { return token, nil }

// The shape: an auth interceptor that reads the token with the
// wrong case, then hands the map on with a claim added.
func authInterceptor(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	md, ok := metadata.FromIncomingContext(ctx)
	if !ok {
		return nil, errors.New("no metadata")
	}
	elem, ok := md["Authorization"] // want `metadata key "Authorization" never matches: incoming keys are lowercase; use "authorization"`
	if !ok || len(elem) == 0 {
		return nil, errors.New("no token")
	}
	sub, err := subject(elem[0])
	if err != nil {
		return nil, err
	}
	md.Set("sub", sub)
	return handler(metadata.NewIncomingContext(ctx, md), req)
}

// Every raw read of the passed-on map is judged: delete and range keys.
func dropAndScan(ctx context.Context) context.Context {
	md, _ := metadata.FromIncomingContext(ctx)
	delete(md, "X-Internal") // want `metadata key "X-Internal" never matches: incoming keys are lowercase; use "x-internal"`
	for k := range md {
		if k == "X-User" { // want `metadata key "X-User" never matches`
			return ctx
		}
	}
	_ = md["authorization"]
	return metadata.NewIncomingContext(ctx, md)
}

// Writes into a map bound for NewIncomingContext are left alone:
// FromIncomingContext lowercases them for the handler.
func addClaims(ctx context.Context, user string) context.Context {
	md, _ := metadata.FromIncomingContext(ctx)
	md["X-User"] = []string{user}
	md.Set("X-Role", "admin")
	return metadata.NewIncomingContext(ctx, md)
}

// A read of the spelling the code itself wrote raw into the map matches.
func writtenThenRead(ctx context.Context, user string) context.Context {
	md, _ := metadata.FromIncomingContext(ctx)
	md["X-User"] = []string{user}
	if len(md["X-User"]) > 1 {
		return ctx
	}
	return metadata.NewIncomingContext(ctx, md)
}

// A map built by hand and passed on, as tests build incoming contexts:
// it holds the spelling it was built with, so reading the same key
// matches, and nothing it holds is known to be lowercase.
func handBuilt(ctx context.Context) context.Context {
	md := metadata.MD{"Authorization": {"Bearer t"}}
	if v := md["Authorization"]; len(v) == 0 {
		return ctx
	}
	_ = md["X-Other"]
	return metadata.NewIncomingContext(ctx, md)
}

// A parameter passed on: its keys cannot be judged.
func forward(ctx context.Context, md metadata.MD) context.Context {
	_ = md["Authorization"]
	return metadata.NewIncomingContext(ctx, md)
}

// Outside NewIncomingContext the raw write is reported, and the read of
// the same spelling with it: their fixes go together.
func trailer(stream grpc.ServerStream) {
	md := metadata.MD{"X-Trailer": {"1"}} // want `metadata key "X-Trailer" has uppercase letters`
	if len(md["X-Trailer"]) == 0 {        // want `metadata key "X-Trailer" never matches`
		return
	}
	stream.SetTrailer(md)
}
