// Package lib holds Connect client interceptors for connectclients,
// judged there through facts.
package lib

import (
	"context"

	"connectrpc.com/connect"
)

// TokenInterceptor sets the token on unary calls only.
func TokenInterceptor(token string) connect.UnaryInterceptorFunc { // want TokenInterceptor:"connect unary token"
	return func(next connect.UnaryFunc) connect.UnaryFunc {
		return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
			req.Header().Set("Authorization", "Bearer "+token)
			return next(ctx, req)
		}
	}
}

// Bearer sets the token on both halves.
type Bearer struct{ Token string } // want Bearer:`fieldreads\(Token\) plain\(unread=\)`

func (b Bearer) WrapUnary(next connect.UnaryFunc) connect.UnaryFunc { // want WrapUnary:"connect unary token"
	return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
		req.Header().Set("Authorization", "Bearer "+b.Token)
		return next(ctx, req)
	}
}

func (b Bearer) WrapStreamingClient(next connect.StreamingClientFunc) connect.StreamingClientFunc {
	return func(ctx context.Context, spec connect.Spec) connect.StreamingClientConn {
		conn := next(ctx, spec)
		conn.RequestHeader().Set("Authorization", "Bearer "+b.Token)
		return conn
	}
}

func (b Bearer) WrapStreamingHandler(next connect.StreamingHandlerFunc) connect.StreamingHandlerFunc {
	return next
}

// UnaryBearer sets the token on unary calls only.
type UnaryBearer struct{ Token string } // want UnaryBearer:`fieldreads\(Token\) plain\(unread=\)`

func (b *UnaryBearer) WrapUnary(next connect.UnaryFunc) connect.UnaryFunc { // want WrapUnary:"connect unary token"
	return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
		req.Header().Set("authorization", "Bearer "+b.Token)
		return next(ctx, req)
	}
}

func (b *UnaryBearer) WrapStreamingClient(next connect.StreamingClientFunc) connect.StreamingClientFunc { // want WrapStreamingClient:"connect passthrough"
	return next
}

func (b *UnaryBearer) WrapStreamingHandler(next connect.StreamingHandlerFunc) connect.StreamingHandlerFunc {
	return next
}
