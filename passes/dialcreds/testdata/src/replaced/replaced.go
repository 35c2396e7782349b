// Package replaced: a second WithUnaryInterceptor or
// WithStreamInterceptor replaces the first (rule 6).
package replaced

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/metadata"
)

func perCall(ctx context.Context, conn *grpc.ClientConn) error {
	return conn.Invoke(metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer t"), "/pkg.Svc/M", nil, nil)
}

func tokenUnary(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error { // want tokenUnary:`interceptor\(token\)`
	return invoker(metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer t"), method, req, reply, cc, opts...)
}

func otherToken(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error { // want otherToken:`interceptor\(token\)`
	md := metadata.Pairs("authorization", "Bearer u")
	return invoker(metadata.NewOutgoingContext(ctx, md), method, req, reply, cc, opts...)
}

func logUnary(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error { // want logUnary:`interceptor\(plain\)`
	return invoker(ctx, method, req, reply, cc, opts...)
}

func tokenStream(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string, streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) { // want tokenStream:`interceptor\(token\)`
	return streamer(metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer t"), desc, cc, method, opts...)
}

func twice(addr string, si grpc.StreamClientInterceptor) {
	tls := grpc.WithTransportCredentials(credentials.NewTLS(nil))
	grpc.NewClient(addr, tls,
		grpc.WithUnaryInterceptor(tokenUnary), // want `a later grpc.WithUnaryInterceptor replaces this token interceptor;`
		grpc.WithUnaryInterceptor(logUnary),
		grpc.WithStreamInterceptor(tokenStream), // want `a later grpc.WithStreamInterceptor replaces this token interceptor;`
		grpc.WithStreamInterceptor(si))
}

// Built in steps, the later option under a condition.
func slice(addr string, debug bool) {
	opts := []grpc.DialOption{
		grpc.WithTransportCredentials(credentials.NewTLS(nil)),
		grpc.WithUnaryInterceptor(tokenUnary), // want `a later grpc.WithUnaryInterceptor replaces this token interceptor;`
	}
	if debug {
		opts = append(opts, grpc.WithUnaryInterceptor(logUnary))
	}
	grpc.NewClient(addr, opts...)
}

// Silent: nothing with a token is lost.
func silent(addr string, ui grpc.UnaryClientInterceptor, opts ...grpc.DialOption) { // want silent:`dialer\(opts=2 target=0 base=none\)`
	tls := grpc.WithTransportCredentials(credentials.NewTLS(nil))
	grpc.NewClient(addr, tls, grpc.WithUnaryInterceptor(logUnary), grpc.WithUnaryInterceptor(tokenUnary))
	grpc.NewClient(addr, tls, grpc.WithUnaryInterceptor(tokenUnary), grpc.WithChainUnaryInterceptor(logUnary))
	grpc.NewClient(addr, tls, grpc.WithChainUnaryInterceptor(tokenUnary), grpc.WithChainUnaryInterceptor(logUnary))
	grpc.NewClient(addr, tls, grpc.WithUnaryInterceptor(tokenUnary), grpc.WithUnaryInterceptor(otherToken))
	grpc.NewClient(addr, tls, grpc.WithUnaryInterceptor(tokenUnary), grpc.WithStreamInterceptor(tokenStream))
	// An unseen interceptor replaced by one that touches nothing: no
	// credentials are left, and the package attaches them per call.
	grpc.NewClient(addr, tls, grpc.WithUnaryInterceptor(ui), grpc.WithUnaryInterceptor(logUnary)) // want `grpc.NewClient gets no credentials, though this package attaches them per call;`
	grpc.NewClient(addr, append(opts, tls, grpc.WithUnaryInterceptor(logUnary))...)
}
