// Package typeparams holds generic helpers: followed by their origin,
// and no panics.
package typeparams

import (
	"context"

	"chatpb"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

type checker[T any] struct{ v T }

func (c *checker[T]) unary(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) { // want unary:"authenticates"
	if any(c.v) == nil {
		return nil, status.Error(codes.Unauthenticated, "no")
	}
	return handler(ctx, req)
}

func options[T any](c *checker[T]) []grpc.ServerOption { // want options:"options UnaryInterceptor\\(auth c.unary\\)"
	return []grpc.ServerOption{grpc.UnaryInterceptor(c.unary)} // want `Chat\.Subscribe, Chat\.Talk and Chat\.Upload skip unary-only auth interceptor c\.unary; add a stream auth interceptor`
}

func register[S grpc.ServiceRegistrar](s S) {
	chatpb.RegisterChatServer(s, chat[S]{})
}

// A generic implementation serving the streaming methods.
type chat[T any] struct{ chatpb.UnimplementedChatServer }

func (chat[T]) Subscribe(*chatpb.Msg, grpc.ServerStreamingServer[chatpb.Msg]) error { return nil }
func (chat[T]) Upload(grpc.ClientStreamingServer[chatpb.Msg, chatpb.Ack]) error     { return nil }
func (chat[T]) Talk(grpc.BidiStreamingServer[chatpb.Msg, chatpb.Msg]) error         { return nil }

func build() {
	s := grpc.NewServer(options(&checker[int]{})...)
	chatpb.RegisterChatServer(s, &chat[int]{})
	register(s)
}

func ident[T any](x T) T { return x }

func generic() {
	s := grpc.NewServer(ident(grpc.UnaryInterceptor(nil)))
	register(s)
}

// A generic server constructor: followed by its origin.
func newServer[T any](c *checker[T]) (*grpc.Server, T) { // want newServer:"returns servers \\[ChainUnaryInterceptor\\(auth c.unary\\)\\]"
	var zero T
	return grpc.NewServer(grpc.ChainUnaryInterceptor(c.unary)), zero // want `Chat\.Subscribe, Chat\.Talk and Chat\.Upload skip unary-only auth interceptor c\.unary; add a stream auth interceptor`
}

func fromConstructor() {
	s, _ := newServer(&checker[string]{})
	chatpb.RegisterChatServer(s, &chat[string]{})
}

// A generic options helper giving a second UnaryInterceptor under a
// condition.
func condOptions[T comparable](c *checker[T], on T) []grpc.ServerOption { // want condOptions:"options UnaryInterceptor\\(auth c.unary\\)\\?, UnaryInterceptor\\(auth c.unary\\)"
	var opts []grpc.ServerOption
	if c.v == on {
		opts = append(opts, grpc.UnaryInterceptor(c.unary))
	}
	return append(opts, grpc.UnaryInterceptor(c.unary)) // want `when c\.v == on, grpc\.NewServer panics on a second grpc\.UnaryInterceptor; use grpc\.ChainUnaryInterceptor`
}
