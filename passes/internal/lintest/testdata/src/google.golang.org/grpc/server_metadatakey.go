// Package grpc is a stub of google.golang.org/grpc for the analysistest
// cases: declarations only, same names and signatures. Each file holds
// what one pass needs; a declaration needed by two passes lives once.
package grpc

import (
	"context"

	"google.golang.org/grpc/metadata"
)

func SetHeader(ctx context.Context, md metadata.MD) error  { return nil }
func SendHeader(ctx context.Context, md metadata.MD) error { return nil }
func SetTrailer(ctx context.Context, md metadata.MD) error { return nil }

type ServerStream interface {
	SetHeader(metadata.MD) error
	SendHeader(metadata.MD) error
	SetTrailer(metadata.MD)
	Context() context.Context
	SendMsg(m any) error
	RecvMsg(m any) error
}

type ServerStreamingServer[Res any] interface {
	Send(*Res) error
	ServerStream
}
