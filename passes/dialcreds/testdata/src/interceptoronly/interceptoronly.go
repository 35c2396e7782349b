// Package interceptoronly: a token added in a client interceptor goes
// with every call of the connections it is installed on; it is no sign
// that the package attaches credentials per call, so a connection
// without credentials is not reported in the default configuration.
package interceptoronly

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/metadata"
)

func tokenUnary(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error { // want tokenUnary:`interceptor\(token\)`
	return invoker(metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer t"), method, req, reply, cc, opts...)
}

func dials(addr string) {
	tls := grpc.WithTransportCredentials(credentials.NewTLS(nil))
	grpc.NewClient(addr, tls, grpc.WithUnaryInterceptor(tokenUnary))
	grpc.NewClient(addr, tls)
}
