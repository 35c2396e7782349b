// Package ctors registers streaming services on servers that
// constructors build and return, in this package or another (rule 1).
package ctors

import (
	"context"

	"chatpb"
	"ctors/lib"
	"unarypb"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// chat serves every streaming method.
type chat struct{ chatpb.UnimplementedChatServer }

func (*chat) Subscribe(*chatpb.Msg, grpc.ServerStreamingServer[chatpb.Msg]) error { return nil }
func (*chat) Upload(grpc.ClientStreamingServer[chatpb.Msg, chatpb.Ack]) error     { return nil }
func (*chat) Talk(grpc.BidiStreamingServer[chatpb.Msg, chatpb.Msg]) error         { return nil }

// unimplemented leaves them to UnimplementedChatServer.
type unimplemented struct{ chatpb.UnimplementedChatServer }

type echo struct {
	unarypb.UnimplementedEchoServer
}

// The constructor of another package: the finding is at its call.
func crossPackage(cfg lib.Config) error {
	s, err := lib.NewGRPCServer(cfg) // want `Chat.Subscribe, Chat.Talk and Chat.Upload skip unary-only auth interceptor authUnary`
	if err != nil {
		return err
	}
	chatpb.RegisterChatServer(s, &chat{})
	return nil
}

func crossLocal() {
	s := lib.Local() // want `Chat.Subscribe.* unary-only auth interceptor authUnary`
	register(s)
}

// register takes the server: followed.
func register(s grpc.ServiceRegistrar) { // want register:"registers param 0: Chat streams \\[Subscribe Talk Upload\\]"
	chatpb.RegisterChatServer(s, &chat{})
}

// Silent: the stream side is authenticated, the options are unknown,
// no streaming method is served, the server is built elsewhere or kept
// elsewhere.
func crossFixed(cfg lib.Config) {
	s, _ := lib.Fixed(cfg)
	chatpb.RegisterChatServer(s, &chat{})
}

func crossUnknown() {
	s := lib.With(grpc.MaxRecvMsgSize(1))
	chatpb.RegisterChatServer(s, &chat{})
}

func crossUnimplemented(cfg lib.Config) {
	s, _ := lib.NewGRPCServer(cfg)
	chatpb.RegisterChatServer(s, &unimplemented{})
}

func crossUnary(cfg lib.Config) {
	s, _ := lib.NewGRPCServer(cfg)
	unarypb.RegisterEchoServer(s, &echo{})
}

func crossGiven(s *grpc.Server) {
	t := lib.Given(s)
	chatpb.RegisterChatServer(t, &chat{})
}

type app struct{ srv *grpc.Server }

func crossStored(a *app, cfg lib.Config) {
	a.srv, _ = lib.NewGRPCServer(cfg)
	chatpb.RegisterChatServer(a.srv, &chat{})
}

func crossDiscarded(cfg lib.Config) {
	_, _ = lib.NewGRPCServer(cfg)
}

// The exporter's shape, in one package: the finding is at the unary
// option in the constructor.
type config struct{ required bool }

func authInterceptor(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) { // want authInterceptor:"authenticates"
	md, ok := metadata.FromIncomingContext(ctx)
	if !ok {
		return nil, status.Error(codes.InvalidArgument, "failed to retrieve metadata")
	}
	if len(md["authorization"]) == 0 {
		return nil, status.Error(codes.InvalidArgument, "auth data not supplied")
	}
	return handler(ctx, req)
}

func newGRPCServer(cfg config) (*grpc.Server, error) { // want newGRPCServer:"returns servers \\[UnaryInterceptor\\(auth authInterceptor\\)\\] or \\[\\]"
	if cfg.required {
		return grpc.NewServer(grpc.UnaryInterceptor(authInterceptor)), nil // want `Chat\.Subscribe, Chat\.Talk and Chat\.Upload skip unary-only auth interceptor authInterceptor; add a stream auth interceptor`
	}
	return grpc.NewServer(), nil
}

func components(cfg config) error {
	grpcServer, err := newGRPCServer(cfg)
	if err != nil {
		return err
	}
	chatpb.RegisterChatServer(grpcServer, &chat{})
	return nil
}

// A constructor returning another's server, through a variable.
func wrapped(cfg config) (*grpc.Server, error) { // want wrapped:"returns servers \\[ChainUnaryInterceptor\\(auth authInterceptor\\)\\]"
	s, err := viaVar(cfg)
	return s, err
}

func viaVar(cfg config) (*grpc.Server, error) { // want viaVar:"returns servers \\[ChainUnaryInterceptor\\(auth authInterceptor\\)\\]"
	s := grpc.NewServer(grpc.ChainUnaryInterceptor(authInterceptor)) // want `Chat\.Subscribe, Chat\.Talk and Chat\.Upload skip unary-only auth interceptor authInterceptor; add a stream auth interceptor`
	return s, nil
}

func fromWrapped(cfg config) {
	var s, _ = wrapped(cfg)
	register(s)
}

// Negative: the constructor's server has a stream interceptor.
func fixedServer() *grpc.Server { // want fixedServer:"returns servers \\[UnaryInterceptor\\(auth authInterceptor\\), ChainStreamInterceptor\\]"
	return grpc.NewServer(grpc.UnaryInterceptor(authInterceptor), grpc.ChainStreamInterceptor(logStream))
}

func logStream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	return handler(srv, ss)
}

func fromFixed() {
	s := fixedServer()
	chatpb.RegisterChatServer(s, &chat{})
}

// Recursion and odd returns must not hang or panic.
func recursive(n int) *grpc.Server { // want recursive:"returns servers \\[\\]"
	if n > 0 {
		return recursive(n - 1)
	}
	if n < 0 {
		return nil
	}
	return grpc.NewServer()
}

func named() (s *grpc.Server, err error) {
	s = grpc.NewServer(grpc.UnaryInterceptor(authInterceptor))
	return
}

func fromNamed() {
	s, _ := named()
	chatpb.RegisterChatServer(s, &chat{})
}

func fromFuncValue(f func() *grpc.Server) {
	s := f()
	chatpb.RegisterChatServer(s, &chat{})
}
