// Package grpc_middleware is a stub of
// github.com/grpc-ecosystem/go-grpc-middleware (v1) for the
// analysistest cases.
package grpc_middleware

import "google.golang.org/grpc"

func ChainUnaryServer(interceptors ...grpc.UnaryServerInterceptor) grpc.UnaryServerInterceptor {
	return nil
}

func ChainStreamServer(interceptors ...grpc.StreamServerInterceptor) grpc.StreamServerInterceptor {
	return nil
}

func WithUnaryServerChain(interceptors ...grpc.UnaryServerInterceptor) grpc.ServerOption { return nil }

func WithStreamServerChain(interceptors ...grpc.StreamServerInterceptor) grpc.ServerOption {
	return nil
}
