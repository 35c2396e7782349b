// Package grpc is a stub of github.com/go-kratos/kratos/v2/transport/grpc (v2.8.3).
package grpc

import (
	"net"

	"github.com/go-kratos/kratos/v2/middleware"
	"google.golang.org/grpc"
)

type ServerOption func(o *Server)

type Server struct {
	*grpc.Server
}

func Address(addr string) ServerOption { return func(*Server) {} }

func Listener(lis net.Listener) ServerOption { return func(*Server) {} }

func CustomHealth() ServerOption { return func(*Server) {} }

func Middleware(m ...middleware.Middleware) ServerOption { return func(*Server) {} }

func StreamMiddleware(m ...middleware.Middleware) ServerOption { return func(*Server) {} }

func UnaryInterceptor(in ...grpc.UnaryServerInterceptor) ServerOption { return func(*Server) {} }

func StreamInterceptor(in ...grpc.StreamServerInterceptor) ServerOption { return func(*Server) {} }

func Options(opts ...grpc.ServerOption) ServerOption { return func(*Server) {} }

func NewServer(opts ...ServerOption) *Server { return &Server{Server: grpc.NewServer()} }
