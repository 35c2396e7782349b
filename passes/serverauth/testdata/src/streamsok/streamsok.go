// Package streamsok holds servers rule 1 must leave alone: each of the
// silences the analyzer promises.
package streamsok

import (
	"context"

	"chatpb"
	"unarypb"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

func authUnary(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) { // want authUnary:"authenticates"
	if len(metadata.ValueFromIncomingContext(ctx, "authorization")) == 0 {
		return nil, status.Error(codes.Unauthenticated, "missing token")
	}
	return handler(ctx, req)
}

func authStream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error { // want authStream:"authenticates"
	if len(metadata.ValueFromIncomingContext(ss.Context(), "authorization")) == 0 {
		return status.Error(codes.Unauthenticated, "missing token")
	}
	return handler(srv, ss)
}

func logStream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	return handler(srv, ss)
}

// logUnary maps the handler's errors after the call: not auth.
func logUnary(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	resp, err := handler(ctx, req)
	if err != nil {
		return nil, status.Error(codes.PermissionDenied, err.Error())
	}
	return resp, nil
}

type healthImpl struct {
	healthpb.UnimplementedHealthServer
}

func (*healthImpl) Watch(*healthpb.HealthCheckRequest, grpc.ServerStreamingServer[healthpb.HealthCheckResponse]) error {
	return nil
}

type chatImpl struct{ chatpb.UnimplementedChatServer }

func (*chatImpl) Subscribe(*chatpb.Msg, grpc.ServerStreamingServer[chatpb.Msg]) error { return nil }

// Streaming methods left to the embedded UnimplementedXServer answer
// codes.Unimplemented to every caller: nothing is served without the
// token (grpc-go's authentication example registers its Echo service
// so).
type unaryOnly struct{ chatpb.UnimplementedChatServer }

func unimplementedStreams() {
	s := grpc.NewServer(grpc.UnaryInterceptor(authUnary))
	chatpb.RegisterChatServer(s, &unaryOnly{})
	healthpb.RegisterHealthServer(s, healthpb.UnimplementedHealthServer{})
	s.RegisterService(&chatpb.Chat_ServiceDesc, unaryOnly{})
}

type echoImpl struct {
	unarypb.UnimplementedEchoServer
}

// Both halves authenticate.
func both() {
	s := grpc.NewServer(grpc.UnaryInterceptor(authUnary), grpc.StreamInterceptor(authStream))
	healthpb.RegisterHealthServer(s, &healthImpl{})
}

// Any stream interceptor may authenticate: silent.
func anyStream() {
	s := grpc.NewServer(grpc.ChainUnaryInterceptor(authUnary), grpc.ChainStreamInterceptor(logStream))
	chatpb.RegisterChatServer(s, &chatImpl{})
}

// A stream interceptor on some paths only: silent.
func conditionalStream(streams bool) {
	opts := []grpc.ServerOption{grpc.UnaryInterceptor(authUnary)}
	if streams {
		opts = append(opts, grpc.StreamInterceptor(authStream))
	}
	s := grpc.NewServer(opts...)
	healthpb.RegisterHealthServer(s, &healthImpl{})
}

// Options from a parameter: unknown.
func fromParam(extra ...grpc.ServerOption) {
	s := grpc.NewServer(append([]grpc.ServerOption{grpc.UnaryInterceptor(authUnary)}, extra...)...)
	healthpb.RegisterHealthServer(s, &healthImpl{})
}

func fromParamSlice(opts []grpc.ServerOption) {
	opts = append(opts, grpc.UnaryInterceptor(authUnary))
	s := grpc.NewServer(opts...)
	healthpb.RegisterHealthServer(s, &healthImpl{})
}

// The server from a parameter: its options are not seen.
func serverParam(s *grpc.Server) { // want serverParam:"registers param 0: Health streams \\[Watch\\]"
	healthpb.RegisterHealthServer(s, &healthImpl{})
}

// Unary-only services.
func unaryOnly() {
	s := grpc.NewServer(grpc.UnaryInterceptor(authUnary))
	unarypb.RegisterEchoServer(s, &echoImpl{})
}

// Registrations that cannot be seen: the server leaves the function.
func returned() *grpc.Server { // want returned:"returns servers \\[UnaryInterceptor\\(auth authUnary\\)\\]"
	return grpc.NewServer(grpc.UnaryInterceptor(authUnary))
}

type app struct{ srv *grpc.Server }

func stored(a *app) {
	a.srv = grpc.NewServer(grpc.UnaryInterceptor(authUnary))
	healthpb.RegisterHealthServer(a.srv, &healthImpl{})
}

// An interceptor not known to authenticate.
func notAuth() {
	s := grpc.NewServer(grpc.UnaryInterceptor(logUnary))
	healthpb.RegisterHealthServer(s, &healthImpl{})
}

// An interceptor from a variable assigned twice: unknown.
func reassigned(debug bool) {
	i := grpc.UnaryServerInterceptor(logUnary)
	if !debug {
		i = authUnary
	}
	s := grpc.NewServer(grpc.UnaryInterceptor(i))
	healthpb.RegisterHealthServer(s, &healthImpl{})
}

// An option the analyzer cannot see into.
var external grpc.ServerOption // want external:"options unknown"

// SetExternal lets a caller set it.
func SetExternal(o grpc.ServerOption) { external = o }

func unknownOption() {
	s := grpc.NewServer(grpc.UnaryInterceptor(authUnary), external)
	healthpb.RegisterHealthServer(s, &healthImpl{})
}

// The server variable is written twice.
func twoServers() {
	s := grpc.NewServer()
	s = grpc.NewServer(grpc.UnaryInterceptor(authUnary))
	healthpb.RegisterHealthServer(s, &healthImpl{})
}

// UnknownServiceHandler proxies streams; it is no interceptor but it
// installs none either: this server is judged on its registrations,
// which are unary only.
func proxy() {
	s := grpc.NewServer(grpc.UnaryInterceptor(authUnary), grpc.UnknownServiceHandler(func(srv any, stream grpc.ServerStream) error { return nil }))
	unarypb.RegisterEchoServer(s, &echoImpl{})
}
