// Package jwt is a stub of github.com/go-kratos/kratos/v2/middleware/auth/jwt (v2.8.3).
package jwt

import (
	"github.com/go-kratos/kratos/v2/middleware"
	"github.com/golang-jwt/jwt/v5"
)

type options struct{}

type Option func(*options)

func Server(keyFunc jwt.Keyfunc, opts ...Option) middleware.Middleware {
	return func(handler middleware.Handler) middleware.Handler { return handler }
}
