// Package protovalidate is a stub of
// github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/protovalidate
// for the analysistest cases.
package protovalidate

import (
	"buf.build/go/protovalidate"
	"google.golang.org/grpc"
)

type Option func(*options)

type options struct{}

func UnaryServerInterceptor(validator protovalidate.Validator, opts ...Option) grpc.UnaryServerInterceptor {
	return nil
}

func StreamServerInterceptor(validator protovalidate.Validator, opts ...Option) grpc.StreamServerInterceptor {
	return nil
}
