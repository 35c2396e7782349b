// Package validatefirst builds servers whose request validator runs
// before or after the auth interceptor.
package validatefirst

import (
	"context"

	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/auth"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/validator"
	"google.golang.org/grpc"
)

func authFunc(ctx context.Context) (context.Context, error) {
	if _, err := auth.AuthFromMD(ctx, "bearer"); err != nil {
		return nil, err // already codes.Unauthenticated
	}
	return ctx, nil
}

// ValidateFirst lists the validator first.
func ValidateFirst() *grpc.Server {
	return grpc.NewServer(grpc.ChainUnaryInterceptor(
		validator.UnaryServerInterceptor(), // want "serverauth: validator validator.UnaryServerInterceptor\\(...\\) runs before auth interceptor auth.UnaryServerInterceptor\\(...\\); list the auth interceptor first"
		auth.UnaryServerInterceptor(authFunc),
	))
}

// AuthFirst lists auth first.
func AuthFirst() *grpc.Server {
	return grpc.NewServer(grpc.ChainUnaryInterceptor(
		auth.UnaryServerInterceptor(authFunc),
		validator.UnaryServerInterceptor(),
	))
}
