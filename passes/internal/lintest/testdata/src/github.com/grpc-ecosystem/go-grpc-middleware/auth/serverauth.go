// Package grpc_auth is a stub of github.com/grpc-ecosystem/go-grpc-middleware/auth
// (v1) for the analysistest cases.
package grpc_auth

import (
	"context"

	"google.golang.org/grpc"
)

type AuthFunc func(ctx context.Context) (context.Context, error)

type ServiceAuthFuncOverride interface {
	AuthFuncOverride(ctx context.Context, fullMethodName string) (context.Context, error)
}

func UnaryServerInterceptor(authFunc AuthFunc) grpc.UnaryServerInterceptor   { return nil }
func StreamServerInterceptor(authFunc AuthFunc) grpc.StreamServerInterceptor { return nil }

func AuthFromMD(ctx context.Context, expectedScheme string) (string, error) { return "", nil }
