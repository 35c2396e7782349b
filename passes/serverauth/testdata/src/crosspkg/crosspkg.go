// Package crosspkg builds servers from another package's helpers.
package crosspkg

import (
	"crosspkg/lib"

	"google.golang.org/grpc"
)

func fromHelpers() {
	s := grpc.NewServer(lib.Options()...) // want `auth interceptor Unary\(...\) covers unary RPCs only: with no stream interceptor, Chat.Subscribe, Chat.Talk, Chat.Upload reach the handler unauthenticated`
	lib.Register(s)
}

func fromVar() {
	s := grpc.NewServer(grpc.MaxRecvMsgSize(1), grpc.ChainUnaryInterceptor(lib.Unary())) // want `auth interceptor lib.Unary\(...\) covers unary RPCs only`
	lib.Register(s)
	_ = lib.Defaults
}

func panics() {
	grpc.NewServer(append(lib.Defaults, grpc.UnaryInterceptor(lib.Unary()))...) // want `second grpc.UnaryInterceptor on one server`
}

func unknown() {
	s := grpc.NewServer(append(lib.Options(), lib.Extra()...)...)
	lib.Register(s)
}
