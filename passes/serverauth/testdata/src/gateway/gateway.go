// Package gateway serves services over gRPC with an auth interceptor
// and over HTTP through grpc-gateway.
package gateway

import (
	"context"
	"net/http"

	"itemspb"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

type items struct {
	itemspb.UnimplementedItemsServer
}

func authUnary(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) { // want authUnary:"authenticates"
	md, _ := metadata.FromIncomingContext(ctx)
	if len(md["authorization"]) == 0 {
		return nil, status.Error(codes.Unauthenticated, "no token")
	}
	return h(ctx, req)
}

func sameVar(ctx context.Context) {
	impl := &items{}
	s := grpc.NewServer(grpc.UnaryInterceptor(authUnary))
	itemspb.RegisterItemsServer(s, impl)
	mux := runtime.NewServeMux()
	itemspb.RegisterItemsHandlerServer(ctx, mux, impl) // want `HTTP routes of Items call impl directly, skipping auth interceptor authUnary; use RegisterItemsHandlerFromEndpoint or wrap the mux in HTTP auth`
	http.ListenAndServe(":8080", mux)
}

func sameType(ctx context.Context) {
	s := grpc.NewServer(grpc.ChainUnaryInterceptor(authUnary))
	itemspb.RegisterItemsServer(s, &items{})
	mux := runtime.NewServeMux(runtime.WithMetadata(nil))
	itemspb.RegisterItemsHandlerServer(ctx, mux, &items{}) // want `HTTP routes of Items call &items{} directly`
	srv := &http.Server{Addr: ":8080", Handler: mux}
	srv.ListenAndServe()
}

func viaHTTPMux(ctx context.Context) {
	impl := &items{}
	s := grpc.NewServer(grpc.UnaryInterceptor(authUnary))
	itemspb.RegisterItemsServer(s, impl)
	gw := runtime.NewServeMux()
	itemspb.RegisterItemsHandlerServer(ctx, gw, impl) // want `HTTP routes of Items call impl directly`
	root := http.NewServeMux()
	root.Handle("/api/", gw)
	http.ListenAndServe(":8080", root)
}

func requireToken(next http.Handler) http.Handler { return next }

// Silent: the mux is wrapped before it is served.
func wrapped(ctx context.Context) {
	impl := &items{}
	s := grpc.NewServer(grpc.UnaryInterceptor(authUnary))
	itemspb.RegisterItemsServer(s, impl)
	mux := runtime.NewServeMux()
	itemspb.RegisterItemsHandlerServer(ctx, mux, impl)
	http.ListenAndServe(":8080", requireToken(mux))
}

// Silent: middleware on the gateway mux.
func middleware(ctx context.Context, mw runtime.Middleware) {
	impl := &items{}
	s := grpc.NewServer(grpc.UnaryInterceptor(authUnary))
	itemspb.RegisterItemsServer(s, impl)
	mux := runtime.NewServeMux(runtime.WithMiddlewares(mw))
	itemspb.RegisterItemsHandlerServer(ctx, mux, impl)
	http.ListenAndServe(":8080", mux)
}

// Silent: the mux goes somewhere the analyzer cannot see.
func elsewhere(ctx context.Context, serve func(http.Handler)) {
	impl := &items{}
	s := grpc.NewServer(grpc.UnaryInterceptor(authUnary))
	itemspb.RegisterItemsServer(s, impl)
	mux := runtime.NewServeMux()
	itemspb.RegisterItemsHandlerServer(ctx, mux, impl)
	serve(mux)
}

// Silent: FromEndpoint goes through the gRPC server and its interceptors.
func fromEndpoint(ctx context.Context) {
	s := grpc.NewServer(grpc.UnaryInterceptor(authUnary))
	itemspb.RegisterItemsServer(s, &items{})
	mux := runtime.NewServeMux()
	itemspb.RegisterItemsHandlerFromEndpoint(ctx, mux, "localhost:9090", nil)
	http.ListenAndServe(":8080", mux)
}

type other struct {
	itemspb.UnimplementedItemsServer
}

// Silent: the gRPC server has no auth interceptor, or another
// implementation is registered on it.
func noAuth(ctx context.Context) {
	s := grpc.NewServer()
	itemspb.RegisterItemsServer(s, &other{})
	mux := runtime.NewServeMux()
	itemspb.RegisterItemsHandlerServer(ctx, mux, &other{})
	http.ListenAndServe(":8080", mux)
}
