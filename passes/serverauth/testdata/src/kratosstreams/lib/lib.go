// Package lib holds a kratos auth middleware for kratosstreams, judged
// there through a fact.
package lib

import (
	"context"

	"github.com/go-kratos/kratos/v2/errors"
	"github.com/go-kratos/kratos/v2/middleware"
	"github.com/go-kratos/kratos/v2/transport"
)

// Auth rejects calls without the token.
func Auth() middleware.Middleware { // want Auth:"wraps unary, auth"
	return func(handler middleware.Handler) middleware.Handler {
		return func(ctx context.Context, req interface{}) (interface{}, error) {
			if tr, ok := transport.FromServerContext(ctx); ok && tr.RequestHeader().Get("Authorization") != "" {
				return handler(ctx, req)
			}
			return nil, errors.Unauthorized("UNAUTHORIZED", "missing token")
		}
	}
}
