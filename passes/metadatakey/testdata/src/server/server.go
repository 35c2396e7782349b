package server

import (
	"context"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

func incoming(ctx context.Context) string {
	md, ok := metadata.FromIncomingContext(ctx)
	if !ok {
		return ""
	}
	if v := md["Authorization"]; len(v) > 0 { // want `metadata key "Authorization" never matches: incoming keys are lowercase; use "authorization"`
		return v[0]
	}
	_ = md[":authority"]
	_ = md["user-agent"]
	_ = md["grpc-trace-bin"]
	_ = md["x user"]     // want `metadata key "x user" contains " ", not in \[0-9a-z-_\.\]: the lookup never matches; rename the key`
	delete(md, "X-Drop") // want `metadata key "X-Drop" never matches: incoming keys are lowercase; use "x-drop"`
	for k, v := range md {
		if k == "Authorization" { // want `metadata key "Authorization" never matches`
			return v[0]
		}
		if "authorization" == k {
			return v[0]
		}
		switch k {
		case "X-User": // want `metadata key "X-User" never matches`
		case "x-user":
		}
		if strings.EqualFold(k, "Authorization") {
			return v[0]
		}
	}
	_ = metadata.ValueFromIncomingContext(ctx, "Authorization") // want `metadata key "Authorization" is lowercased by metadata.ValueFromIncomingContext`
	_ = metadata.ValueFromIncomingContext(ctx, ":authority")
	return ""
}

func param(md metadata.MD) {
	_ = md["Authorization"] // want `metadata key "Authorization" never matches: keys are lowercase; use "authorization"`
}

func notRangeKey(md metadata.MD, k string) bool {
	return k == "Authorization" // k is not a key of a range over an MD
}

func headers(ctx context.Context, stream grpc.ServerStream) {
	_ = grpc.SetHeader(ctx, metadata.MD{"X-Server": {"1"}})     // want `metadata key "X-Server" has uppercase letters: the client rejects the response; use "x-server"`
	_ = grpc.SendHeader(ctx, metadata.Pairs("X-Pairs", "1"))    // want `metadata key "X-Pairs" is lowercased by metadata.Pairs`
	_ = grpc.SetTrailer(ctx, metadata.MD{"grpc-status": {"0"}}) // want `metadata key "grpc-status" is a reserved header that gRPC drops; return the status as an error from status\.Error`
	_ = stream.SetHeader(metadata.MD{"X-Stream": {"1"}})        // want `metadata key "X-Stream" has uppercase letters: the header is dropped; use "x-stream"`
	md := metadata.MD{"X-Trailer": {"1"}}                       // want `metadata key "X-Trailer" has uppercase letters: the client rejects the trailer; use "x-trailer"`
	stream.SetTrailer(md)
}

type pb_Server interface {
	Send(*string) error
	grpc.ServerStream
}

func generated(s pb_Server, g grpc.ServerStreamingServer[string]) {
	_ = s.SendHeader(metadata.MD{"X-Gen": {"1"}}) // want `metadata key "X-Gen" has uppercase letters: the header is dropped; use "x-gen"`
	_ = g.SetHeader(metadata.MD{"X-Gen2": {"1"}}) // want `metadata key "X-Gen2" has uppercase letters: the header is dropped; use "x-gen2"`
}

func testContext(ctx context.Context) context.Context {
	// FromIncomingContext lowercases: benign in tests.
	return metadata.NewIncomingContext(ctx, metadata.MD{"Authorization": {"Bearer t"}})
}

// Incoming is a helper other packages use.
func Incoming(ctx context.Context) metadata.MD {
	md, _ := metadata.FromIncomingContext(ctx)
	return md
}
