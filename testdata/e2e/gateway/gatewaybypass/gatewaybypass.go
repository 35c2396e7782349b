// Package gatewaybypass serves EchoService over gRPC behind an auth
// interceptor and over HTTP through grpc-gateway's generated
// RegisterEchoServiceHandlerServer or, for comparison,
// RegisterEchoServiceHandlerFromEndpoint.
package gatewaybypass

import (
	"context"
	"net/http"

	echov1 "example.com/e2egateway/gen/echo/v1"
	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

func authUnary(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	if len(md["authorization"]) == 0 {
		return nil, status.Error(codes.Unauthenticated, "missing token")
	}
	return h(ctx, req)
}

// Servers returns the gRPC server and the HTTP server of impl; the
// gateway calls impl directly.
func Servers(ctx context.Context, impl echov1.EchoServiceServer) (*grpc.Server, *http.Server, error) {
	s := grpc.NewServer(grpc.UnaryInterceptor(authUnary))
	echov1.RegisterEchoServiceServer(s, impl)
	mux := runtime.NewServeMux()
	if err := echov1.RegisterEchoServiceHandlerServer(ctx, mux, impl); err != nil { // want `serverauth: HTTP routes of EchoService call impl directly, skipping auth interceptor authUnary; use RegisterEchoServiceHandlerFromEndpoint or wrap the mux in HTTP auth`
		return nil, nil, err
	}
	return s, &http.Server{Handler: mux}, nil
}

// ThroughGRPC returns an HTTP server whose gateway dials the gRPC
// server at endpoint, so its interceptors run.
func ThroughGRPC(ctx context.Context, endpoint string) (*http.Server, error) {
	mux := runtime.NewServeMux()
	opts := []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}
	if err := echov1.RegisterEchoServiceHandlerFromEndpoint(ctx, mux, endpoint, opts); err != nil {
		return nil, err
	}
	return &http.Server{Handler: mux}, nil
}
