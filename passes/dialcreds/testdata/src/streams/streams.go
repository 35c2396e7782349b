// Package streams: a token added by a unary interceptor only does not
// reach the connection's streaming calls (rule 5).
package streams

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
)

func tokenUnary(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error { // want tokenUnary:`interceptor\(token\)`
	return invoker(metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer t"), method, req, reply, cc, opts...)
}

func tokenStream(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string, streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) { // want tokenStream:`interceptor\(token\)`
	return streamer(metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer t"), desc, cc, method, opts...)
}

func logStream(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string, streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) { // want logStream:`interceptor\(plain\)`
	return streamer(ctx, desc, cc, method, opts...)
}

func tls() grpc.DialOption { // want tls:`dialopts\(none\)`
	return grpc.WithTransportCredentials(credentials.NewTLS(nil))
}

func unaryOnly(ctx context.Context, addr string) {
	conn, _ := grpc.NewClient(addr, tls(), grpc.WithUnaryInterceptor(tokenUnary)) // want `Watch goes out without this unary interceptor's token;`
	c := healthpb.NewHealthClient(conn)
	c.Check(ctx, &healthpb.HealthCheckRequest{})
	c.Watch(ctx, &healthpb.HealthCheckRequest{})
}

func chained(addr string) {
	conn, _ := grpc.NewClient(addr, tls(), grpc.WithChainUnaryInterceptor(tokenUnary)) // want `Watch goes out without this unary interceptor's token;`
	healthpb.NewHealthClient(conn).Watch(context.Background(), &healthpb.HealthCheckRequest{})
}

// The stream interceptor only logs: the stream still has no token.
func plainStream(ctx context.Context, addr string) {
	conn, _ := grpc.NewClient(addr, tls(), grpc.WithUnaryInterceptor(tokenUnary), grpc.WithStreamInterceptor(logStream)) // want `Watch and Sync go out without this unary interceptor's token;`
	healthpb.NewHealthClient(conn).Watch(ctx, &healthpb.HealthCheckRequest{})
	conn.NewStream(ctx, &grpc.StreamDesc{ServerStreams: true}, "/pkg.Svc/Sync")
}

// Through helpers: the connection is built by one, its streams opened
// by another.
func dial(addr string) *grpc.ClientConn {
	conn, _ := grpc.NewClient(addr, tls(), grpc.WithUnaryInterceptor(tokenUnary)) // want `Watch goes out without this unary interceptor's token;`
	return conn
}

func watchAll(ctx context.Context, c healthpb.HealthClient) {
	c.Watch(ctx, &healthpb.HealthCheckRequest{})
}

func viaHelpers(ctx context.Context, addr string) {
	conn := dial(addr)
	watchAll(ctx, healthpb.NewHealthClient(conn))
}

// Pre-generic generated code: the stream is an interface embedding
// grpc.ClientStream.
type Msg struct{}

type Old_TailClient interface {
	Recv() (*Msg, error)
	grpc.ClientStream
}

type OldClient interface {
	Tail(ctx context.Context, in *Msg, opts ...grpc.CallOption) (Old_TailClient, error)
}

type oldClient struct{ cc grpc.ClientConnInterface }

func NewOldClient(cc grpc.ClientConnInterface) OldClient { return &oldClient{cc} }

func (c *oldClient) Tail(ctx context.Context, in *Msg, opts ...grpc.CallOption) (Old_TailClient, error) {
	return nil, nil
}

func old(ctx context.Context, addr string) {
	conn, _ := grpc.NewClient(addr, tls(), grpc.WithUnaryInterceptor(tokenUnary)) // want `Tail goes out without this unary interceptor's token;`
	NewOldClient(conn).Tail(ctx, &Msg{})
}

// Silent: the streams carry the token, or may.
func silent(ctx context.Context, addr string, creds credentials.PerRPCCredentials, si grpc.StreamClientInterceptor, wrap func(context.Context) context.Context, opts ...grpc.DialOption) { // want silent:`dialer\(opts=5 target=1 base=auth interceptors unary-token\)`
	both, _ := grpc.NewClient(addr, tls(), grpc.WithUnaryInterceptor(tokenUnary), grpc.WithStreamInterceptor(tokenStream))
	healthpb.NewHealthClient(both).Watch(ctx, &healthpb.HealthCheckRequest{})

	unaryUse, _ := grpc.NewClient(addr, tls(), grpc.WithUnaryInterceptor(tokenUnary))
	healthpb.NewHealthClient(unaryUse).Check(ctx, &healthpb.HealthCheckRequest{})

	unknownStream, _ := grpc.NewClient(addr, tls(), grpc.WithUnaryInterceptor(tokenUnary), grpc.WithChainStreamInterceptor(si))
	healthpb.NewHealthClient(unknownStream).Watch(ctx, &healthpb.HealthCheckRequest{})

	perRPC, _ := grpc.NewClient(addr, tls(), grpc.WithUnaryInterceptor(tokenUnary), grpc.WithPerRPCCredentials(creds))
	healthpb.NewHealthClient(perRPC).Watch(ctx, &healthpb.HealthCheckRequest{})

	fromParam, _ := grpc.NewClient(addr, append(opts, grpc.WithUnaryInterceptor(tokenUnary))...)
	healthpb.NewHealthClient(fromParam).Watch(ctx, &healthpb.HealthCheckRequest{})

	perCall, _ := grpc.NewClient(addr, tls(), grpc.WithUnaryInterceptor(tokenUnary))
	c := healthpb.NewHealthClient(perCall)
	c.Watch(metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer t"), &healthpb.HealthCheckRequest{})
	c.Watch(ctx, &healthpb.HealthCheckRequest{}, grpc.PerRPCCredentials(creds))
	c.Watch(wrap(ctx), &healthpb.HealthCheckRequest{})
}

// A helper seen to return its context unchanged adds no token.
func sameCtx(ctx context.Context) context.Context { return ctx }

func helperCtx(ctx context.Context, addr string) {
	conn, _ := grpc.NewClient(addr, tls(), grpc.WithUnaryInterceptor(tokenUnary)) // want `Watch goes out without this unary interceptor's token;`
	healthpb.NewHealthClient(conn).Watch(sameCtx(ctx), &healthpb.HealthCheckRequest{})
}

func dialWith(addr string, opts ...grpc.DialOption) healthpb.HealthClient { // want dialWith:`dialer\(opts=1 target=0 base=none\)`
	conn, _ := grpc.NewClient(addr, opts...)
	return healthpb.NewHealthClient(conn)
}

// Generic helpers (typeparams).
func watchT[T any](ctx context.Context, c healthpb.HealthClient, v T) {
	c.Watch(ctx, &healthpb.HealthCheckRequest{})
}

func generic[T any](ctx context.Context, addr string, v T) {
	conn, _ := grpc.NewClient(addr, tls(), grpc.WithUnaryInterceptor(tokenUnary)) // want `Watch goes out without this unary interceptor's token;`
	watchT(ctx, healthpb.NewHealthClient(conn), v)
}
