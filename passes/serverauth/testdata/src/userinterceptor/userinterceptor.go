// Package userinterceptor uses an interceptor named by
// -serverauth.interceptor.
package userinterceptor

import (
	"userinterceptor/auth"

	"google.golang.org/grpc"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

func build(v *auth.Verifier) {
	s := grpc.NewServer(grpc.UnaryInterceptor(v.Interceptor())) // want `unary-only auth interceptor v.Interceptor\(...\)`
	healthpb.RegisterHealthServer(s, health.NewServer())
}
