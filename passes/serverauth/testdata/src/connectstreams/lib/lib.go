// Package lib holds Connect interceptors and handler options for
// connectstreams, judged there through facts.
package lib

import (
	"context"
	"errors"
	"net/http"

	"connectrpc.com/connect"
)

// AuthInterceptor is the interceptor of Connect's old documentation:
// unary calls only.
func AuthInterceptor() connect.UnaryInterceptorFunc { // want AuthInterceptor:"connect unary, auth"
	return func(next connect.UnaryFunc) connect.UnaryFunc {
		return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
			if err := Verify(req.Header()); err != nil {
				return nil, err
			}
			return next(ctx, req)
		}
	}
}

// Verify rejects a request without the token.
func Verify(h http.Header) error { // want Verify:"authenticates"
	if h.Get("Authorization") != "Bearer secret" {
		return connect.NewError(connect.CodeUnauthenticated, errors.New("invalid token"))
	}
	return nil
}

// LogInterceptor authenticates nothing.
func LogInterceptor() connect.Interceptor { // want LogInterceptor:"connect unary"
	return connect.UnaryInterceptorFunc(func(next connect.UnaryFunc) connect.UnaryFunc { return next })
}

// HandlerOptions returns options holding the unary-only auth
// interceptor.
func HandlerOptions() []connect.HandlerOption { // want HandlerOptions:"options ChainUnaryInterceptor\\(auth AuthInterceptor\\(...\\)\\), other"
	return []connect.HandlerOption{
		connect.WithInterceptors(AuthInterceptor()),
		connect.WithCompressMinBytes(1024),
	}
}

// Options are package-level handler options, with the unary-only auth
// interceptor.
var Options = connect.WithInterceptors(AuthInterceptor()) // want Options:"options ChainUnaryInterceptor\\(auth AuthInterceptor\\(...\\)\\)"

// Authenticator wraps unary calls only: its streaming half passes them
// through.
type Authenticator struct{}

func (Authenticator) WrapUnary(next connect.UnaryFunc) connect.UnaryFunc { // want WrapUnary:"connect unary, auth"
	return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
		if req.Header().Get("authorization") == "" {
			return nil, connect.NewError(connect.CodeUnauthenticated, nil)
		}
		return next(ctx, req)
	}
}

func (Authenticator) WrapStreamingClient(next connect.StreamingClientFunc) connect.StreamingClientFunc {
	return next
}

func (Authenticator) WrapStreamingHandler(next connect.StreamingHandlerFunc) connect.StreamingHandlerFunc { // want WrapStreamingHandler:"connect unknown, passthrough"
	return next
}

// FullAuth authenticates both halves.
type FullAuth struct{}

func (*FullAuth) WrapUnary(next connect.UnaryFunc) connect.UnaryFunc { // want WrapUnary:"connect unary, auth"
	return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
		if err := Verify(req.Header()); err != nil {
			return nil, err
		}
		return next(ctx, req)
	}
}

func (*FullAuth) WrapStreamingClient(next connect.StreamingClientFunc) connect.StreamingClientFunc {
	return next
}

func (*FullAuth) WrapStreamingHandler(next connect.StreamingHandlerFunc) connect.StreamingHandlerFunc {
	return func(ctx context.Context, conn connect.StreamingHandlerConn) error {
		if err := Verify(conn.RequestHeader()); err != nil {
			return err
		}
		return next(ctx, conn)
	}
}

// NewFullAuth returns an interceptor of both halves.
func NewFullAuth() connect.Interceptor { // want NewFullAuth:"connect all"
	return &FullAuth{}
}
