// Package middleware is a stub of github.com/go-kratos/kratos/v2/middleware (v2.8.3).
package middleware

import "context"

type Handler func(ctx context.Context, req interface{}) (interface{}, error)

type Middleware func(Handler) Handler

func Chain(m ...Middleware) Middleware {
	return func(next Handler) Handler { return next }
}
