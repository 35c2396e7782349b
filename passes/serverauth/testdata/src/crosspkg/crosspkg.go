// Package crosspkg builds servers from another package's helpers.
package crosspkg

import (
	"crosspkg/lib"

	"google.golang.org/grpc"
)

func fromHelpers() {
	s := grpc.NewServer(lib.Options()...) // want `Chat.Subscribe, Chat.Talk and Chat.Upload skip unary-only auth interceptor Unary\(...\)`
	lib.Register(s)
}

func fromVar() {
	s := grpc.NewServer(grpc.MaxRecvMsgSize(1), grpc.ChainUnaryInterceptor(lib.Unary())) // want `Chat\.Subscribe, Chat\.Talk and Chat\.Upload skip unary-only auth interceptor lib\.Unary\(\.\.\.\); add a stream auth interceptor`
	lib.Register(s)
	_ = lib.Defaults
}

func panics() {
	grpc.NewServer(append(lib.Defaults, grpc.UnaryInterceptor(lib.Unary()))...) // want `second grpc.UnaryInterceptor`
}

func unknown() {
	s := grpc.NewServer(append(lib.Options(), lib.Extra()...)...)
	lib.Register(s)
}
