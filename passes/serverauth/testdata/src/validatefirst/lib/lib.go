// Package lib gives server options to validatefirst.
package lib

import (
	"context"
	"strings"

	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/auth"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/validator"
	"google.golang.org/grpc"
)

func authFunc(ctx context.Context) (context.Context, error) { // want authFunc:"authenticates"
	_, err := auth.AuthFromMD(ctx, "bearer")
	return ctx, err
}

// Validation returns the validator alone.
func Validation() grpc.ServerOption { // want Validation:"options ChainUnaryInterceptor"
	return grpc.ChainUnaryInterceptor(validator.UnaryServerInterceptor())
}

// Auth returns the auth interceptor alone.
func Auth() grpc.ServerOption { // want Auth:`options ChainUnaryInterceptor\(auth auth.UnaryServerInterceptor\(...\)\)`
	return grpc.ChainUnaryInterceptor(auth.UnaryServerInterceptor(authFunc))
}

// Both lists the validator first: reported here, whoever calls it.
func Both() []grpc.ServerOption { // want Both:`options ChainUnaryInterceptor\(auth auth.UnaryServerInterceptor\(...\)\)`
	return []grpc.ServerOption{grpc.ChainUnaryInterceptor(
		validator.UnaryServerInterceptor(), // want `validator validator.UnaryServerInterceptor\(...\) runs before auth interceptor auth.UnaryServerInterceptor\(...\); list auth first`
		auth.UnaryServerInterceptor(authFunc),
	)}
}

// Graph's interceptor lets JoinCluster through and authenticates every
// other method (graphikDB/graphik's shape).
type Graph struct{}

func (g *Graph) UnaryInterceptor() grpc.UnaryServerInterceptor { // want UnaryInterceptor:"returns an interceptor that authenticates some calls"
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
		if strings.Contains(info.FullMethod, "JoinCluster") {
			return h(ctx, req)
		}
		if _, err := auth.AuthFromMD(ctx, "Bearer"); err != nil {
			return nil, err
		}
		return h(ctx, req)
	}
}
