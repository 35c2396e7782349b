package dialcreds

// The run-time proof of two dialcreds messages, with the real grpc-go
// over an in-process bufconn connection, against a server that rejects
// calls without an authorization header in both halves:
//
//   - a token added by a unary client interceptor only: the unary call
//     carries it, the streaming call (Health.Watch) goes out without it
//     and fails with UNAUTHENTICATED; with the stream half added it
//     carries the token;
//   - a second grpc.WithUnaryInterceptor (or WithStreamInterceptor)
//     replaces the first: the token the first adds is never sent; with
//     WithChainUnaryInterceptor both run.
//
// Run by passes/dialcreds's TestRuntime (skipped by -short).

import (
	"context"
	"net"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/grpc/test/bufconn"
)

func requireAuth(ctx context.Context) error {
	md, _ := metadata.FromIncomingContext(ctx)
	if len(md.Get("authorization")) == 0 {
		return status.Error(codes.Unauthenticated, "no authorization header")
	}
	return nil
}

func serveHealth(t *testing.T) *bufconn.Listener {
	t.Helper()
	lis := bufconn.Listen(1 << 20)
	srv := grpc.NewServer(
		grpc.UnaryInterceptor(func(ctx context.Context, req any, _ *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
			if err := requireAuth(ctx); err != nil {
				return nil, err
			}
			return handler(ctx, req)
		}),
		grpc.StreamInterceptor(func(srv any, ss grpc.ServerStream, _ *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
			if err := requireAuth(ss.Context()); err != nil {
				return err
			}
			return handler(srv, ss)
		}),
	)
	hs := health.NewServer()
	hs.SetServingStatus("", healthpb.HealthCheckResponse_SERVING)
	healthpb.RegisterHealthServer(srv, hs)
	go srv.Serve(lis)
	t.Cleanup(srv.Stop)
	return lis
}

func healthClient(t *testing.T, lis *bufconn.Listener, opts ...grpc.DialOption) healthpb.HealthClient {
	t.Helper()
	opts = append(opts,
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }),
		grpc.WithTransportCredentials(insecure.NewCredentials()),
	)
	conn, err := grpc.NewClient("passthrough:///bufnet", opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return healthpb.NewHealthClient(conn)
}

func tokenUnary(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	return invoker(metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer t0ken"), method, req, reply, cc, opts...)
}

func tokenStream(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string, streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) {
	return streamer(metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer t0ken"), desc, cc, method, opts...)
}

func logUnary(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	return invoker(ctx, method, req, reply, cc, opts...)
}

func logStream(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string, streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) {
	return streamer(ctx, desc, cc, method, opts...)
}

func check(c healthpb.HealthClient) codes.Code {
	_, err := c.Check(context.Background(), &healthpb.HealthCheckRequest{})
	return status.Code(err)
}

// watch opens the server stream and reads its first message: the
// server's stream interceptor answers before the handler sends one.
func watch(c healthpb.HealthClient) codes.Code {
	st, err := c.Watch(context.Background(), &healthpb.HealthCheckRequest{})
	if err != nil {
		return status.Code(err)
	}
	_, err = st.Recv()
	return status.Code(err)
}

func TestRuntimeStreamCarriesNoToken(t *testing.T) {
	lis := serveHealth(t)
	unaryOnly := healthClient(t, lis, grpc.WithUnaryInterceptor(tokenUnary))
	if got := check(unaryOnly); got != codes.OK {
		t.Errorf("unary call with the unary token interceptor: %v, want OK", got)
	}
	if got := watch(unaryOnly); got != codes.Unauthenticated {
		t.Errorf("streaming call with only the unary token interceptor: %v, want Unauthenticated (no token)", got)
	}
	both := healthClient(t, lis, grpc.WithUnaryInterceptor(tokenUnary), grpc.WithStreamInterceptor(tokenStream))
	if got := watch(both); got != codes.OK {
		t.Errorf("streaming call with the stream half added: %v, want OK", got)
	}
}

func TestRuntimeLaterInterceptorReplaces(t *testing.T) {
	lis := serveHealth(t)
	replaced := healthClient(t, lis, grpc.WithUnaryInterceptor(tokenUnary), grpc.WithUnaryInterceptor(logUnary))
	if got := check(replaced); got != codes.Unauthenticated {
		t.Errorf("token interceptor followed by a second WithUnaryInterceptor: %v, want Unauthenticated (replaced)", got)
	}
	chained := healthClient(t, lis, grpc.WithChainUnaryInterceptor(tokenUnary, logUnary))
	if got := check(chained); got != codes.OK {
		t.Errorf("WithChainUnaryInterceptor(token, log): %v, want OK", got)
	}
	// A WithUnaryInterceptor and a chain combine: the chain runs after it.
	mixed := healthClient(t, lis, grpc.WithUnaryInterceptor(tokenUnary), grpc.WithChainUnaryInterceptor(logUnary))
	if got := check(mixed); got != codes.OK {
		t.Errorf("WithUnaryInterceptor(token) then WithChainUnaryInterceptor(log): %v, want OK", got)
	}
	streamReplaced := healthClient(t, lis, grpc.WithStreamInterceptor(tokenStream), grpc.WithStreamInterceptor(logStream))
	if got := watch(streamReplaced); got != codes.Unauthenticated {
		t.Errorf("stream token interceptor followed by a second WithStreamInterceptor: %v, want Unauthenticated (replaced)", got)
	}
}
