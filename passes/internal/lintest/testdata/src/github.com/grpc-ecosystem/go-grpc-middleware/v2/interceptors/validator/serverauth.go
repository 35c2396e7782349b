// Package validator is a stub of
// github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/validator
// for the analysistest cases.
package validator

import "google.golang.org/grpc"

type Option func(*options)

type options struct{}

func WithFailFast() Option { return nil }

func UnaryServerInterceptor(opts ...Option) grpc.UnaryServerInterceptor   { return nil }
func StreamServerInterceptor(opts ...Option) grpc.StreamServerInterceptor { return nil }
