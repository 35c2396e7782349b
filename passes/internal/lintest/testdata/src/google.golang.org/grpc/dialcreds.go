package grpc

import (
	"context"
	"net"
	"time"

	"google.golang.org/grpc/credentials"
)

type DialOption interface {
	apply(*dialOptions)
}

type dialOptions struct{}

type ClientConnInterface interface {
	Invoke(ctx context.Context, method string, args any, reply any, opts ...CallOption) error
	NewStream(ctx context.Context, desc *StreamDesc, method string, opts ...CallOption) (ClientStream, error)
}

func NewClient(target string, opts ...DialOption) (conn *ClientConn, err error) { return nil, nil }
func Dial(target string, opts ...DialOption) (*ClientConn, error)               { return nil, nil }
func DialContext(ctx context.Context, target string, opts ...DialOption) (conn *ClientConn, err error) {
	return nil, nil
}

func (cc *ClientConn) Invoke(ctx context.Context, method string, args, reply any, opts ...CallOption) error {
	return nil
}
func (cc *ClientConn) NewStream(ctx context.Context, desc *StreamDesc, method string, opts ...CallOption) (ClientStream, error) {
	return nil, nil
}
func (cc *ClientConn) Close() error { return nil }

func WithDefaultCallOptions(cos ...CallOption) DialOption                            { return nil }
func WithInsecure() DialOption                                                       { return nil }
func WithTransportCredentials(creds credentials.TransportCredentials) DialOption     { return nil }
func WithPerRPCCredentials(creds credentials.PerRPCCredentials) DialOption           { return nil }
func WithCredentialsBundle(b credentials.Bundle) DialOption                          { return nil }
func WithContextDialer(f func(context.Context, string) (net.Conn, error)) DialOption { return nil }
func WithDialer(f func(string, time.Duration) (net.Conn, error)) DialOption          { return nil }
func WithUnaryInterceptor(f UnaryClientInterceptor) DialOption                       { return nil }
func WithChainUnaryInterceptor(interceptors ...UnaryClientInterceptor) DialOption    { return nil }
func WithStreamInterceptor(f StreamClientInterceptor) DialOption                     { return nil }
func WithChainStreamInterceptor(interceptors ...StreamClientInterceptor) DialOption  { return nil }
func WithBlock() DialOption                                                          { return nil }
func WithUserAgent(s string) DialOption                                              { return nil }
func WithAuthority(a string) DialOption                                              { return nil }
func PerRPCCredentials(creds credentials.PerRPCCredentials) CallOption               { return nil }

// The client halves of streaming RPCs (stream_interfaces.go, grpc-go
// v1.64 and later) and the generic stream of generated code.

type ServerStreamingClient[Res any] interface {
	Recv() (*Res, error)
	ClientStream
}

type ClientStreamingClient[Req any, Res any] interface {
	Send(*Req) error
	CloseAndRecv() (*Res, error)
	ClientStream
}

type BidiStreamingClient[Req any, Res any] interface {
	Send(*Req) error
	Recv() (*Res, error)
	ClientStream
}

type GenericClientStream[Req any, Res any] struct {
	ClientStream
}

func (x *GenericClientStream[Req, Res]) Send(m *Req) error           { return nil }
func (x *GenericClientStream[Req, Res]) Recv() (*Res, error)         { return nil, nil }
func (x *GenericClientStream[Req, Res]) CloseAndRecv() (*Res, error) { return nil, nil }

func StaticMethod() CallOption { return nil }
