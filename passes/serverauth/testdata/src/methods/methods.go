// Package methods holds full method names written as strings that
// match no RPC (rule 4).
package methods

import (
	"context"
	"slices"

	"chatpb"

	"google.golang.org/grpc"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

var public = map[string]bool{
	"/grpc.health.v1.Health/Check": true,
	"grpc.health.v1.Health/Watch":  true, // want `method "grpc\.health\.v1\.Health/Watch" never matches \(no leading "/"\); use healthpb\.Health_Watch_FullMethodName`
	"/grpc.health.v1.Health/Wach":  true, // want `method "/grpc\.health\.v1\.Health/Wach" matches no RPC of grpc\.health\.v1\.Health \(it has Check, List and Watch\)`
	"/other.v1.Unknown/Method":     true, // a service the package cannot see: not judged
}

func allow(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	if public[info.FullMethod] {
		return handler(ctx, req)
	}
	if info.FullMethod == "/chat.v1.Chat/send" { // want `method "/chat\.v1\.Chat/send" never matches \(case differs\); use chatpb\.Chat_Send_FullMethodName`
		return handler(ctx, req)
	}
	switch m := info.FullMethod; m {
	case chatpb.Chat_Talk_FullMethodName, "/Chat.v1.chat/Upload": // want `method "/Chat\.v1\.chat/Upload" never matches \(case differs\); use chatpb\.Chat_Upload_FullMethodName`
		return handler(ctx, req)
	}
	return nil, nil
}

var streamsAllowed = []string{"/chat.v1.Chat/Subscribe", "/chat.v1.Chat/Tlk"} // want `method "/chat\.v1\.Chat/Tlk" matches no RPC of chat\.v1\.Chat \(it has Send, Subscribe, Talk and 1 more\)`

func allowStream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	if slices.Contains(streamsAllowed, info.FullMethod) {
		return handler(srv, ss)
	}
	method, _ := grpc.Method(ss.Context())
	for _, p := range []string{} {
		_ = p == method
	}
	return nil
}

var skip = []string{"chat.v1.Chat/Send"} // want `method "chat\.v1\.Chat/Send" never matches \(no leading "/"\); use chatpb\.Chat_Send_FullMethodName`

func byRange(ctx context.Context) bool {
	m, ok := grpc.Method(ctx)
	if !ok {
		return false
	}
	for _, s := range skip {
		if s == m {
			return true
		}
	}
	return false
}

// A client interceptor's method argument.
func clientSide(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	if method == "/grpc.health.v1.Health/check" { // want `method "/grpc\.health\.v1\.Health/check" never matches \(case differs\); use healthpb\.Health_Check_FullMethodName`
		return nil
	}
	return invoker(ctx, method, req, reply, cc, opts...)
}

// Strings compared with other strings are not method names.
func unrelated(s string) bool {
	return s == "/chat.v1.Chat/Nope"
}

var _ = healthpb.Health_Check_FullMethodName
