// Package streams holds servers whose auth interceptor covers unary
// RPCs only while they register streaming methods (rule 1).
package streams

import (
	"context"
	"errors"
	"net"

	"chatpb"
	"legacypb"
	"logpb"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

func valid(md metadata.MD) bool { // want valid:"authenticates"
	return len(md["authorization"]) > 0
}

// authUnary reads the authorization key.
func authUnary(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) { // want authUnary:"authenticates"
	md, _ := metadata.FromIncomingContext(ctx)
	if !valid(md) {
		return nil, status.Error(codes.Unauthenticated, "missing token")
	}
	return handler(ctx, req)
}

func logUnary(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	return handler(ctx, req)
}

// Implementations that serve their streaming methods.
type healthImpl struct {
	healthpb.UnimplementedHealthServer
}

func (*healthImpl) Watch(*healthpb.HealthCheckRequest, grpc.ServerStreamingServer[healthpb.HealthCheckResponse]) error {
	return nil
}

type chatImpl struct{ chatpb.UnimplementedChatServer }

func (*chatImpl) Subscribe(*chatpb.Msg, grpc.ServerStreamingServer[chatpb.Msg]) error { return nil }
func (*chatImpl) Upload(grpc.ClientStreamingServer[chatpb.Msg, chatpb.Ack]) error     { return nil }
func (*chatImpl) Talk(grpc.BidiStreamingServer[chatpb.Msg, chatpb.Msg]) error         { return nil }

type logImpl struct{ logpb.UnimplementedLogServer }

func (logImpl) Tail(*logpb.LogGetRequest, logpb.Log_TailServer) error { return nil }

type legacyImpl struct {
	legacypb.UnimplementedLegacyServer
}

func (*legacyImpl) Follow(*legacypb.LegacyPingRequest, legacypb.Legacy_FollowServer) error {
	return nil
}

// An implementation that serves one of three streaming methods: only
// that one is named.
type chatSubscribe struct{ chatpb.UnimplementedChatServer }

func (chatSubscribe) Subscribe(*chatpb.Msg, grpc.ServerStreamingServer[chatpb.Msg]) error {
	return nil
}

func partlyServed() {
	s := grpc.NewServer(grpc.UnaryInterceptor(authUnary)) // want `Chat\.Subscribe skips unary-only auth interceptor authUnary; add a stream auth interceptor`
	chatpb.RegisterChatServer(s, chatSubscribe{})
}

// An implementation behind an interface may serve every method.
func newChat() chatpb.ChatServer { return &chatImpl{} }

func behindInterface() {
	s := grpc.NewServer(grpc.UnaryInterceptor(authUnary)) // want `Chat\.Subscribe, Chat\.Talk and Chat\.Upload skip unary-only auth interceptor authUnary; add a stream auth interceptor`
	chatpb.RegisterChatServer(s, newChat())
}

func direct(lis net.Listener) error {
	s := grpc.NewServer(grpc.UnaryInterceptor(authUnary)) // want `Health\.Watch skips unary-only auth interceptor authUnary; add a stream auth interceptor`
	healthpb.RegisterHealthServer(s, &healthImpl{})
	return s.Serve(lis)
}

func chained() {
	s := grpc.NewServer(grpc.ChainUnaryInterceptor(logUnary, authUnary)) // want `Chat\.Subscribe, Chat\.Talk and Chat\.Upload skip unary-only auth interceptor authUnary; add a stream auth interceptor`
	chatpb.RegisterChatServer(s, &chatImpl{})
}

// Pre-generic generated code: the per-method stream interface embeds
// grpc.ServerStream.
func pregeneric() {
	s := grpc.NewServer(grpc.UnaryInterceptor(authUnary)) // want `Log\.Tail skips unary-only auth interceptor authUnary; add a stream auth interceptor`
	logpb.RegisterLogServer(s, &logImpl{})
}

// protoc-gen-go's old grpc plugin: RegisterXServer takes *grpc.Server.
func legacy() {
	s := grpc.NewServer(grpc.UnaryInterceptor(authUnary)) // want `Legacy\.Follow skips unary-only auth interceptor authUnary; add a stream auth interceptor`
	legacypb.RegisterLegacyServer(s, &legacyImpl{})
}

// A slice built in the function, under a condition.
func slice(useAuth bool) {
	opts := []grpc.ServerOption{grpc.MaxRecvMsgSize(1 << 20)}
	if useAuth {
		opts = append(opts, grpc.UnaryInterceptor(authUnary)) // want `Health\.Watch skips unary-only auth interceptor authUnary; add a stream auth interceptor`
	}
	s := grpc.NewServer(opts...)
	healthpb.RegisterHealthServer(s, &healthImpl{})
}

// A func literal interceptor checking the code itself.
func literal() {
	var s = grpc.NewServer(grpc.UnaryInterceptor(func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) { // want `Chat\.Subscribe, Chat\.Talk and Chat\.Upload skip unary-only auth interceptor func literal; add a stream auth interceptor`
		if _, ok := metadata.FromIncomingContext(ctx); !ok {
			return nil, status.Error(codes.PermissionDenied, "no metadata")
		}
		return handler(ctx, req)
	}))
	s.RegisterService(&chatpb.Chat_ServiceDesc, &chatImpl{})
}

// Package variables and helpers returning options.
var baseOpts = []grpc.ServerOption{grpc.UnaryInterceptor(authUnary)} // want baseOpts:"options UnaryInterceptor\\(auth authUnary\\)" `Health\.Watch skips unary-only auth interceptor authUnary; add a stream auth interceptor`

func pkgVar() {
	s := grpc.NewServer(baseOpts...)
	healthpb.RegisterHealthServer(s, &healthImpl{})
}

func authOption() grpc.ServerOption { // want authOption:"options UnaryInterceptor\\(auth authUnary\\)"
	return grpc.UnaryInterceptor(authUnary) // want `Health\.Watch skips unary-only auth interceptor authUnary; add a stream auth interceptor`
}

func serverOptions() ([]grpc.ServerOption, error) { // want serverOptions:"options other, UnaryInterceptor\\(auth authUnary\\)"
	opts := []grpc.ServerOption{grpc.MaxRecvMsgSize(1)}
	opts = append(opts, authOption())
	return opts, nil
}

func helper() {
	s := grpc.NewServer(authOption())
	healthpb.RegisterHealthServer(s, &healthImpl{})
}

func tupleHelper() error {
	opts, err := serverOptions()
	if err != nil {
		return err
	}
	s := grpc.NewServer(opts...)
	register(s)
	return nil
}

// register takes the server: followed.
func register(s *grpc.Server) { // want register:"registers param 0: Chat streams \\[Subscribe Talk Upload\\]"
	chatpb.RegisterChatServer(s, &chatImpl{})
}

// An interceptor factory.
func newAuth(key string) grpc.UnaryServerInterceptor { // want newAuth:"returns an auth interceptor"
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		if len(metadata.ValueFromIncomingContext(ctx, "authorization")) == 0 {
			return nil, status.Error(codes.Unauthenticated, "no token")
		}
		return handler(ctx, req)
	}
}

func factory() {
	auth := newAuth("k")
	s := grpc.NewServer(grpc.UnaryInterceptor(auth)) // want `Health\.Watch skips unary-only auth interceptor auth; add a stream auth interceptor`
	healthpb.RegisterHealthServer(s, &healthImpl{})
}

// A method value of a verifier type.
type verifier struct{}

func (v *verifier) unary(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) { // want unary:"authenticates"
	if err := v.check(ctx); err != nil {
		return nil, err
	}
	return handler(ctx, req)
}

func (v *verifier) check(ctx context.Context) error { // want check:"authenticates"
	md, _ := metadata.FromIncomingContext(ctx)
	if len(md.Get("authorization")) == 0 {
		return errors.New("missing")
	}
	return nil
}

func method() {
	v := &verifier{}
	s := grpc.NewServer(grpc.UnaryInterceptor(v.unary)) // want `Health\.Watch skips unary-only auth interceptor v\.unary; add a stream auth interceptor`
	healthpb.RegisterHealthServer(s, &healthImpl{})
}
