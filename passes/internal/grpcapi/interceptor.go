package grpcapi

import (
	"go/types"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// Half is the side of an RPC an interceptor or option covers.
type Half uint8

const (
	Unary  Half = 1 << iota // unary RPCs
	Stream                  // streaming RPCs
)

func (h Half) String() string {
	switch h {
	case Unary:
		return "unary"
	case Stream:
		return "stream"
	case Unary | Stream:
		return "unary and stream"
	}
	return "none"
}

// ClientInterceptor reports which half sig intercepts on a client: Unary
// when it has the shape of grpc.UnaryClientInterceptor (a parameter of
// type grpc.UnaryInvoker), Stream for grpc.StreamClientInterceptor (a
// grpc.Streamer parameter), or 0.
func ClientInterceptor(sig *types.Signature) Half {
	var h Half
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		switch {
		case lintutil.IsNamed(t, GRPC, "UnaryInvoker", false):
			h |= Unary
		case lintutil.IsNamed(t, GRPC, "Streamer", false):
			h |= Stream
		}
	}
	return h
}

// ServerInterceptor reports which half sig intercepts on a server: Unary
// for grpc.UnaryServerInterceptor's shape (a grpc.UnaryHandler
// parameter), Stream for grpc.StreamServerInterceptor's (a
// grpc.StreamHandler parameter), or 0.
func ServerInterceptor(sig *types.Signature) Half {
	var h Half
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		switch {
		case lintutil.IsNamed(t, GRPC, "UnaryHandler", false):
			h |= Unary
		case lintutil.IsNamed(t, GRPC, "StreamHandler", false):
			h |= Stream
		}
	}
	return h
}
