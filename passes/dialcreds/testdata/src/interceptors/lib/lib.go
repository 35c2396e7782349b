// Package lib: client interceptors and options for another package
// (interceptors/user), judged there through facts.
package lib

import (
	"context"
	"log"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

func TokenUnary(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error { // want TokenUnary:`interceptor\(token\)`
	return invoker(metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer t"), method, req, reply, cc, opts...)
}

func LogUnary(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error { // want LogUnary:`interceptor\(plain\)`
	log.Print(method)
	return invoker(ctx, method, req, reply, cc, opts...)
}

func NewLogger() grpc.UnaryClientInterceptor { return LogUnary } // want NewLogger:`interceptor\(returns plain\)`

// Traced touches the context: no fact, it may add credentials.
func Traced(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	return invoker(context.WithValue(ctx, key{}, method), method, req, reply, cc, opts...)
}

type key struct{}

func TokenOpts() []grpc.DialOption { // want TokenOpts:`dialopts\(auth interceptors unary-token\)`
	return []grpc.DialOption{grpc.WithUnaryInterceptor(TokenUnary)}
}

func LogOpts() []grpc.DialOption { // want LogOpts:`dialopts\(none\)`
	return []grpc.DialOption{grpc.WithUnaryInterceptor(LogUnary)}
}
