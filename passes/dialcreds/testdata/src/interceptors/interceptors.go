// Package interceptors: client interceptors count as credentials only
// when they may add them (rule 7). The package attaches a token per
// call (perCall; tokenUnary's goes with every call of its connections,
// which is no per-call evidence), so a connection without credentials is
// reported.
package interceptors

import (
	"context"
	"log"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/metadata"
)

var token = "t0ken"

func perCall(ctx context.Context, conn *grpc.ClientConn) error {
	return conn.Invoke(metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+token), "/pkg.Svc/M", nil, nil)
}

func tokenUnary(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error { // want tokenUnary:`interceptor\(token\)`
	return invoker(metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+token), method, req, reply, cc, opts...)
}

// logUnary only logs: it gives ctx and opts to the invoker unchanged.
func logUnary(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error { // want logUnary:`interceptor\(plain\)`
	start := time.Now()
	err := invoker(ctx, method, req, reply, cc, opts...)
	log.Printf("%s took %v: %v", method, time.Since(start), err)
	return err
}

func logStream(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string, streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) { // want logStream:`interceptor\(plain\)`
	log.Printf("stream %s", method)
	return streamer(ctx, desc, cc, method, opts...)
}

// timeoutUnary changes the context: it may add anything, so it counts.
func timeoutUnary(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	return invoker(ctx, method, req, reply, cc, opts...)
}

// optsUnary hands its call options to another function.
func optsUnary(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	return invoker(ctx, method, req, reply, cc, more(opts)...)
}

func more(opts []grpc.CallOption) []grpc.CallOption { return opts }

func newLogger() grpc.UnaryClientInterceptor { // want newLogger:`interceptor\(returns plain\)`
	return func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		log.Print(method)
		return invoker(ctx, method, req, reply, cc, opts...)
	}
}

func newTokenInterceptor(tok string) grpc.UnaryClientInterceptor { // want newTokenInterceptor:`interceptor\(returns token\)`
	return func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		return invoker(ctx, method, req, reply, cc, append(opts, grpc.PerRPCCredentials(tokenCreds(tok)))...)
	}
}

type tokenCreds string

func (t tokenCreds) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + string(t)}, nil
}
func (tokenCreds) RequireTransportSecurity() bool { return false }

func plain(addr string) {
	tls := grpc.WithTransportCredentials(credentials.NewTLS(nil))
	grpc.NewClient(addr, tls, grpc.WithUnaryInterceptor(logUnary))                                             // want `grpc.NewClient gets no credentials, though this package attaches them per call;`
	grpc.NewClient(addr, tls, grpc.WithChainUnaryInterceptor(logUnary), grpc.WithStreamInterceptor(logStream)) // want `grpc.NewClient gets no credentials, though this package attaches them per call;`
	grpc.NewClient(addr, tls, grpc.WithStreamInterceptor(logStream))                                           // want `grpc.NewClient gets no credentials, though this package attaches them per call;`
	grpc.NewClient(addr, tls, grpc.WithUnaryInterceptor(newLogger()))                                          // want `grpc.NewClient gets no credentials, though this package attaches them per call;`
	grpc.NewClient(addr, tls, grpc.WithUnaryInterceptor(grpc.UnaryClientInterceptor(logUnary)))                // want `grpc.NewClient gets no credentials, though this package attaches them per call;`
	l := logUnary
	grpc.NewClient(addr, tls, grpc.WithUnaryInterceptor(l))                                                                                                                                       // want `grpc.NewClient gets no credentials, though this package attaches them per call;`
	grpc.NewClient(addr, tls, grpc.WithUnaryInterceptor(func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error { // want `grpc.NewClient gets no credentials, though this package attaches them per call;`
		return invoker(ctx, method, req, reply, cc, opts...)
	}))
}

// Interceptors that add a token, touch the context or call options, or
// cannot be seen count as credentials.
func counted(addr string, ui grpc.UnaryClientInterceptor, si grpc.StreamClientInterceptor, f func() grpc.UnaryClientInterceptor, uis []grpc.UnaryClientInterceptor) {
	tls := grpc.WithTransportCredentials(credentials.NewTLS(nil))
	grpc.NewClient(addr, tls, grpc.WithUnaryInterceptor(tokenUnary))
	grpc.NewClient(addr, tls, grpc.WithUnaryInterceptor(newTokenInterceptor(token)))
	grpc.NewClient(addr, tls, grpc.WithUnaryInterceptor(timeoutUnary))
	grpc.NewClient(addr, tls, grpc.WithUnaryInterceptor(optsUnary))
	grpc.NewClient(addr, tls, grpc.WithUnaryInterceptor(ui))
	grpc.NewClient(addr, tls, grpc.WithStreamInterceptor(si))
	grpc.NewClient(addr, tls, grpc.WithUnaryInterceptor(f()))
	grpc.NewClient(addr, tls, grpc.WithChainUnaryInterceptor(logUnary, ui))
	grpc.NewClient(addr, tls, grpc.WithChainUnaryInterceptor(uis...))
	var g grpc.UnaryClientInterceptor = logUnary
	g = ui
	grpc.NewClient(addr, tls, grpc.WithUnaryInterceptor(g))
}

// Generic interceptors (typeparams): judged through their origin.
type gen[T any] struct{ v T }

func (gen[T]) unary(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error { // want unary:`interceptor\(plain\)`
	return invoker(ctx, method, req, reply, cc, opts...)
}

func newGen[T any](v T) grpc.UnaryClientInterceptor { // want newGen:`interceptor\(returns plain\)`
	return gen[T]{v}.unary
}

func generic[T any](addr string, v T) {
	tls := grpc.WithTransportCredentials(credentials.NewTLS(nil))
	grpc.NewClient(addr, tls, grpc.WithUnaryInterceptor(gen[T]{v}.unary)) // want `grpc.NewClient gets no credentials, though this package attaches them per call;`
	grpc.NewClient(addr, tls, grpc.WithUnaryInterceptor(newGen(v)))       // want `grpc.NewClient gets no credentials, though this package attaches them per call;`
	grpc.NewClient(addr, tls, grpc.WithUnaryInterceptor(newGen[int](1)))  // want `grpc.NewClient gets no credentials, though this package attaches them per call;`
}
