package grpcapi

import (
	"go/types"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// What the client half of generated service code looks like to the
// type checker: a streaming method of a generated client returns a
// stream, grpc.ServerStreamingClient[T], ClientStreamingClient[Req, Res]
// or BidiStreamingClient[Req, Res] (protoc-gen-go-grpc 1.4, grpc-go 1.64
// and later), or an older per-method interface X_YClient that embeds
// grpc.ClientStream; a unary method returns (*Res, error).

// IsClientStream reports whether t is grpc.ClientStream or an interface
// that embeds it, directly or through other interfaces: the generic
// client stream types and the per-method stream interfaces of older
// generated code.
func IsClientStream(t types.Type) bool {
	return embedsClientStream(t, 0)
}

func embedsClientStream(t types.Type, depth int) bool {
	if t == nil || depth > 8 {
		return false
	}
	t = types.Unalias(t)
	if lintutil.IsNamed(t, GRPC, "ClientStream", false) {
		return true
	}
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for i := 0; i < iface.NumEmbeddeds(); i++ {
		if embedsClientStream(iface.EmbeddedType(i), depth+1) {
			return true
		}
	}
	return false
}

// IsStreamingCall reports whether sig is that of a call that opens a
// client stream: a context first, a stream and an error as results
// (generated streaming client methods, ClientConn.NewStream,
// grpc.NewClientStream).
func IsStreamingCall(sig *types.Signature) bool {
	if sig == nil || sig.Params().Len() == 0 || !IsContext(sig.Params().At(0).Type()) {
		return false
	}
	r := sig.Results()
	return r.Len() == 2 && IsClientStream(r.At(0).Type()) && IsError(r.At(1).Type())
}
