// Package proxy forwards each caller's own token from the incoming
// metadata: per-caller credentials, which the connection cannot carry,
// so they are no sign that the package attaches its credentials per call.
package proxy

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
)

func dial(addr string) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
}

func forward(ctx context.Context, conn *grpc.ClientConn) error {
	md, _ := metadata.FromIncomingContext(ctx)
	if v := md.Get("authorization"); len(v) > 0 {
		ctx = metadata.AppendToOutgoingContext(ctx, "authorization", v[0])
	}
	return conn.Invoke(ctx, "/svc/M", nil, nil)
}

// tokenOf reads the caller's token, as etcd's gRPC proxy does.
func tokenOf(ctx context.Context) string {
	if v := metadata.ValueFromIncomingContext(ctx, "token"); len(v) > 0 {
		return v[0]
	}
	return ""
}

type tokenCreds struct{ token string } // want tokenCreds:`fieldreads\(token\)`

func (c tokenCreds) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return map[string]string{"token": c.token}, nil
}
func (tokenCreds) RequireTransportSecurity() bool { return false }

func interceptor(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error { // want interceptor:`interceptor\(token\)`
	if tok := tokenOf(ctx); tok != "" {
		opts = append(opts, grpc.PerRPCCredentials(tokenCreds{tok}))
	}
	return invoker(ctx, method, req, reply, cc, opts...)
}

type key struct{}

func fromValue(ctx context.Context, conn *grpc.ClientConn) error {
	tok, _ := ctx.Value(key{}).(string)
	return conn.Invoke(ctx, "/svc/M", nil, nil, grpc.PerRPCCredentials(tokenCreds{tok}))
}
