// Package grpc_validator is a stub of
// github.com/grpc-ecosystem/go-grpc-middleware/validator (v1) for the
// analysistest cases.
package grpc_validator

import "google.golang.org/grpc"

func UnaryServerInterceptor() grpc.UnaryServerInterceptor   { return nil }
func StreamServerInterceptor() grpc.StreamServerInterceptor { return nil }
