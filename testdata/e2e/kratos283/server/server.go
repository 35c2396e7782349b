// Package server serves the gRPC health service through
// go-kratos/kratos v2.8.3 with its jwt auth middleware given to
// grpc.Middleware, and no stream interceptor.
package server

import (
	"context"
	"net"

	"github.com/go-kratos/kratos/v2/middleware/auth/jwt"
	"github.com/go-kratos/kratos/v2/middleware/selector"
	kgrpc "github.com/go-kratos/kratos/v2/transport/grpc"
	jwtv5 "github.com/golang-jwt/jwt/v5"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

// Key signs and verifies the tokens.
var Key = []byte("secret")

// Health serves Check and Watch; Watch reports the authorization
// metadata it was called with.
type Health struct {
	healthpb.UnimplementedHealthServer
	Watched chan bool
}

func (h *Health) Check(context.Context, *healthpb.HealthCheckRequest) (*healthpb.HealthCheckResponse, error) {
	return &healthpb.HealthCheckResponse{Status: healthpb.HealthCheckResponse_SERVING}, nil
}

func (h *Health) Watch(_ *healthpb.HealthCheckRequest, stream healthpb.Health_WatchServer) error {
	h.Watched <- true
	return stream.Send(&healthpb.HealthCheckResponse{Status: healthpb.HealthCheckResponse_SERVING})
}

// NewServer returns a kratos gRPC server on lis that authenticates with
// kratos' jwt middleware.
func NewServer(lis net.Listener, h *Health) *kgrpc.Server {
	srv := kgrpc.NewServer(
		kgrpc.Listener(lis),
		kgrpc.CustomHealth(),
		kgrpc.Middleware(jwt.Server(func(*jwtv5.Token) (any, error) { return Key, nil })), // want "serverauth: kratos runs jwt.Server\\(...\\) for unary calls only: Health.Watch reaches the handler unauthenticated; add grpc.StreamInterceptor with auth"
	)
	healthpb.RegisterHealthServer(srv, h)
	return srv
}

func keyFunc(*jwtv5.Token) (any, error) { return Key, nil }

// NewPrefixServer authenticates the health service's methods with
// kratos' selector around the jwt middleware: the selector is
// middleware too, so the stream of Watch skips it the same way.
func NewPrefixServer(lis net.Listener, h *Health) *kgrpc.Server {
	srv := kgrpc.NewServer(
		kgrpc.Listener(lis),
		kgrpc.Middleware(selector.Server(jwt.Server(keyFunc)).Prefix("/grpc.health.").Build()), // want "serverauth: kratos runs selector.Server\\(jwt.Server\\(keyFunc\\)\\) for unary calls only: Health.Watch reaches the handler unauthenticated; add grpc.StreamInterceptor with auth"
	)
	healthpb.RegisterHealthServer(srv, h)
	return srv
}
