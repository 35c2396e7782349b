package grpc

import (
	"context"
	"net"

	"google.golang.org/grpc/credentials"
)

type Server struct{}

type ServerOption interface {
	apply(*serverOptions)
}

type serverOptions struct{}

type UnaryServerInfo struct {
	Server     any
	FullMethod string
}

type UnaryHandler func(ctx context.Context, req any) (any, error)

type UnaryServerInterceptor func(ctx context.Context, req any, info *UnaryServerInfo, handler UnaryHandler) (resp any, err error)

type StreamServerInfo struct {
	FullMethod     string
	IsClientStream bool
	IsServerStream bool
}

type StreamHandler func(srv any, stream ServerStream) error

type StreamServerInterceptor func(srv any, ss ServerStream, info *StreamServerInfo, handler StreamHandler) error

type MethodDesc struct {
	MethodName string
	Handler    MethodHandler
}

type MethodHandler func(srv any, ctx context.Context, dec func(any) error, interceptor UnaryServerInterceptor) (any, error)

type ServiceDesc struct {
	ServiceName string
	HandlerType any
	Methods     []MethodDesc
	Streams     []StreamDesc
	Metadata    any
}

type ServiceRegistrar interface {
	RegisterService(desc *ServiceDesc, impl any)
}

func NewServer(opt ...ServerOption) *Server               { return nil }
func (s *Server) RegisterService(sd *ServiceDesc, ss any) {}
func (s *Server) Serve(lis net.Listener) error            { return nil }
func (s *Server) Stop()                                   {}
func (s *Server) GracefulStop()                           {}

func Creds(c credentials.TransportCredentials) ServerOption                       { return nil }
func UnaryInterceptor(i UnaryServerInterceptor) ServerOption                      { return nil }
func ChainUnaryInterceptor(interceptors ...UnaryServerInterceptor) ServerOption   { return nil }
func StreamInterceptor(i StreamServerInterceptor) ServerOption                    { return nil }
func ChainStreamInterceptor(interceptors ...StreamServerInterceptor) ServerOption { return nil }
func MaxRecvMsgSize(m int) ServerOption                                           { return nil }
func UnknownServiceHandler(streamHandler StreamHandler) ServerOption              { return nil }

func Method(ctx context.Context) (string, bool)                 { return "", false }
func MethodFromServerStream(stream ServerStream) (string, bool) { return "", false }

type ClientStreamingServer[Req any, Res any] interface {
	Recv() (*Req, error)
	SendAndClose(*Res) error
	ServerStream
}

type BidiStreamingServer[Req any, Res any] interface {
	Recv() (*Req, error)
	Send(*Res) error
	ServerStream
}

type GenericServerStream[Req any, Res any] struct {
	ServerStream
}

func (x *GenericServerStream[Req, Res]) Send(m *Res) error         { return nil }
func (x *GenericServerStream[Req, Res]) SendAndClose(m *Res) error { return nil }
func (x *GenericServerStream[Req, Res]) Recv() (*Req, error)       { return nil, nil }

const SupportPackageIsVersion9 = true
const SupportPackageIsVersion7 = true
const SupportPackageIsVersion4 = true
