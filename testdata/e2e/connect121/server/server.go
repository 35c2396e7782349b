// Package server serves PingService (a unary and a server-streaming
// procedure) through Connect v1.21.1 with the auth interceptor of
// Connect's old documentation: a connect.UnaryInterceptorFunc.
package server

import (
	"context"
	"errors"
	"net"
	"net/http"

	"connectrpc.com/connect"

	pingv1 "example.com/e2econnect121/gen/ping/v1"
	"example.com/e2econnect121/gen/ping/v1/pingv1connect"
)

// Token is the bearer token the server accepts.
const Token = "Bearer secret"

// NewAuthInterceptor rejects unary calls without the token, and has no
// effect on streaming ones.
func NewAuthInterceptor() connect.UnaryInterceptorFunc {
	return func(next connect.UnaryFunc) connect.UnaryFunc {
		return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
			if req.Header().Get("Authorization") != Token {
				return nil, connect.NewError(connect.CodeUnauthenticated, errors.New("invalid token"))
			}
			return next(ctx, req)
		}
	}
}

// PingServer implements PingService; CountUp reports the Authorization
// header it was called with.
type PingServer struct {
	Seen chan string
}

func (s *PingServer) Ping(_ context.Context, req *connect.Request[pingv1.PingRequest]) (*connect.Response[pingv1.PingResponse], error) {
	return connect.NewResponse(&pingv1.PingResponse{Text: req.Msg.GetText()}), nil
}

func (s *PingServer) CountUp(_ context.Context, req *connect.Request[pingv1.CountUpRequest], stream *connect.ServerStream[pingv1.CountUpResponse]) error {
	if s.Seen != nil {
		s.Seen <- req.Header().Get("Authorization")
	}
	for i := int64(1); i <= req.Msg.GetNumber(); i++ {
		if err := stream.Send(&pingv1.CountUpResponse{Number: i}); err != nil {
			return err
		}
	}
	return nil
}

// Serve serves impl on l.
func Serve(l net.Listener, impl *PingServer) error {
	mux := http.NewServeMux()
	mux.Handle(pingv1connect.NewPingServiceHandler(impl, connect.WithInterceptors(NewAuthInterceptor()))) // want "serverauth: unary-only auth interceptor NewAuthInterceptor\\(\\.\\.\\.\\) leaves PingService.CountUp open; authenticate in WrapStreamingHandler too"
	return http.Serve(l, mux)
}
