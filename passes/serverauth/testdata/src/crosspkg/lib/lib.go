// Package lib holds helpers of another package, known to crosspkg by
// their facts.
package lib

import (
	"context"

	"chatpb"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// Verify reads the API key.
func Verify(ctx context.Context) error { // want Verify:"authenticates"
	md, _ := metadata.FromIncomingContext(ctx)
	if len(md.Get("authorization")) == 0 {
		return status.Error(codes.Unauthenticated, "no key")
	}
	return nil
}

// Unary returns an interceptor calling Verify.
func Unary() grpc.UnaryServerInterceptor { // want Unary:"returns an auth interceptor"
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		if err := Verify(ctx); err != nil {
			return nil, err
		}
		return handler(ctx, req)
	}
}

// Options returns the server options.
func Options() []grpc.ServerOption { // want Options:"options other, UnaryInterceptor\\(auth Unary\\(...\\)\\)"
	return []grpc.ServerOption{grpc.MaxRecvMsgSize(4 << 20), grpc.UnaryInterceptor(Unary())}
}

// Defaults holds the same.
var Defaults = Options() // want Defaults:"options other, UnaryInterceptor\\(auth Unary\\(...\\)\\)"

// Register registers the chat service.
func Register(s grpc.ServiceRegistrar) { // want Register:"registers param 0: Chat streams \\[Subscribe Talk Upload\\]"
	chatpb.RegisterChatServer(s, chat{})
}

type chat struct{ chatpb.UnimplementedChatServer }

func (chat) Subscribe(*chatpb.Msg, grpc.ServerStreamingServer[chatpb.Msg]) error { return nil }
func (chat) Upload(grpc.ClientStreamingServer[chatpb.Msg, chatpb.Ack]) error     { return nil }
func (chat) Talk(grpc.BidiStreamingServer[chatpb.Msg, chatpb.Msg]) error         { return nil }

// Extra returns options from its argument: unknown.
func Extra(o ...grpc.ServerOption) []grpc.ServerOption { // want Extra:"options unknown"
	return o
}
