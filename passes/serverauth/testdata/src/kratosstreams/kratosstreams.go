// Package kratosstreams builds kratos gRPC servers whose auth middleware
// never runs for streams, and servers where that is harmless.
package kratosstreams

import (
	"context"

	"github.com/go-kratos/kratos/v2/middleware"
	"github.com/go-kratos/kratos/v2/middleware/auth/jwt"
	"github.com/go-kratos/kratos/v2/middleware/selector"
	kgrpc "github.com/go-kratos/kratos/v2/transport/grpc"
	jwtv5 "github.com/golang-jwt/jwt/v5"
	"google.golang.org/grpc"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"

	"kratosstreams/lib"
)

type health struct {
	healthpb.UnimplementedHealthServer
}

func (health) Watch(*healthpb.HealthCheckRequest, grpc.ServerStreamingServer[healthpb.HealthCheckResponse]) error {
	return nil
}

func keyFunc(*jwtv5.Token) (interface{}, error) { return []byte("k"), nil }

func logging(handler middleware.Handler) middleware.Handler { // want logging:"wraps unary"
	return func(ctx context.Context, req interface{}) (interface{}, error) {
		return handler(ctx, req)
	}
}

func JWT() *kgrpc.Server {
	srv := kgrpc.NewServer(
		kgrpc.Address(":9000"),
		kgrpc.Middleware(logging, jwt.Server(keyFunc)), // want `kratos runs jwt.Server\(...\) for unary calls only: Health.Watch reaches the handler unauthenticated; add grpc.StreamInterceptor with auth`
	)
	healthpb.RegisterHealthServer(srv, health{})
	return srv
}

func Selector() *kgrpc.Server {
	opts := []kgrpc.ServerOption{
		kgrpc.Middleware(selector.Server(jwt.Server(keyFunc)).Prefix("/api.").Build()), // want `kratos runs selector.Server\(jwt.Server\(keyFunc\)\) for unary calls only: Health.Watch`
	}
	srv := kgrpc.NewServer(opts...)
	healthpb.RegisterHealthServer(srv, health{})
	return srv
}

func CrossPackage() *kgrpc.Server {
	srv := kgrpc.NewServer(kgrpc.Middleware(lib.Auth())) // want `kratos runs lib.Auth\(...\) for unary calls only: Health.Watch`
	healthpb.RegisterHealthServer(srv, health{})
	return srv
}

// Negative cases.

func StreamSide() *kgrpc.Server {
	srv := kgrpc.NewServer(kgrpc.Middleware(jwt.Server(keyFunc)), kgrpc.StreamMiddleware(jwt.Server(keyFunc)))
	healthpb.RegisterHealthServer(srv, health{})
	return srv
}

func RawStreamInterceptor(stream grpc.StreamServerInterceptor) *kgrpc.Server {
	srv := kgrpc.NewServer(kgrpc.Middleware(jwt.Server(keyFunc)), kgrpc.Options(grpc.ChainStreamInterceptor(stream)))
	healthpb.RegisterHealthServer(srv, health{})
	return srv
}

func NoAuth() *kgrpc.Server {
	srv := kgrpc.NewServer(kgrpc.Middleware(logging))
	healthpb.RegisterHealthServer(srv, health{})
	return srv
}

type unaryOnly struct {
	healthpb.UnimplementedHealthServer
}

// Watch is left to UnimplementedHealthServer.
func Unimplemented() *kgrpc.Server {
	srv := kgrpc.NewServer(kgrpc.Middleware(jwt.Server(keyFunc)))
	healthpb.RegisterHealthServer(srv, unaryOnly{})
	return srv
}

func Unknown(opts ...kgrpc.ServerOption) *kgrpc.Server {
	srv := kgrpc.NewServer(append(opts, kgrpc.Middleware(jwt.Server(keyFunc)))...)
	healthpb.RegisterHealthServer(srv, health{})
	return srv
}
