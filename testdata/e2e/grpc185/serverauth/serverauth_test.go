package serverauth

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/grpc/test/bufconn"
)

// What the serverauth messages claim, shown on the real grpc-go
// v1.85.0 in process (run by passes/serverauth's TestRuntime).

type health struct {
	healthpb.UnimplementedHealthServer
	watched chan string // the authorization the Watch handler saw
}

func (h *health) Check(context.Context, *healthpb.HealthCheckRequest) (*healthpb.HealthCheckResponse, error) {
	return &healthpb.HealthCheckResponse{Status: healthpb.HealthCheckResponse_SERVING}, nil
}

func (h *health) Watch(_ *healthpb.HealthCheckRequest, stream grpc.ServerStreamingServer[healthpb.HealthCheckResponse]) error {
	md, _ := metadata.FromIncomingContext(stream.Context())
	h.watched <- strings.Join(md["authorization"], ",")
	return stream.Send(&healthpb.HealthCheckResponse{Status: healthpb.HealthCheckResponse_SERVING})
}

func serve(t *testing.T, s *grpc.Server) healthpb.HealthClient {
	t.Helper()
	if _, ok := s.GetServiceInfo()["grpc.health.v1.Health"]; !ok {
		healthpb.RegisterHealthServer(s, &health{watched: make(chan string, 1)})
	}
	lis := bufconn.Listen(1 << 20)
	go s.Serve(lis)
	t.Cleanup(s.Stop)
	conn, err := grpc.NewClient("passthrough:///bufnet",
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }),
		grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return healthpb.NewHealthClient(conn)
}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return c
}

// Rule 1: with the auth interceptor on the unary side only, a unary
// call without the token is rejected and a streaming one reaches its
// handler.
func TestStreamSkipsUnaryAuth(t *testing.T) {
	h := &health{watched: make(chan string, 1)}
	client := serve(t, UnaryOnly(h))
	if _, err := client.Check(ctx(t), &healthpb.HealthCheckRequest{}); status.Code(err) != codes.Unauthenticated {
		t.Fatalf("unary Check without a token: %v, want Unauthenticated", err)
	}
	stream, err := client.Watch(ctx(t), &healthpb.HealthCheckRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := stream.Recv(); err != nil {
		t.Fatalf("streaming Watch without a token: %v, want a response", err)
	}
	if got := <-h.watched; got != "" {
		t.Fatalf("Watch handler saw authorization %q, want none", got)
	}
}

// Rule 1's silence: a streaming method the implementation leaves to
// the embedded UnimplementedXServer answers Unimplemented, token or
// not; skipping auth there serves nothing.
func TestUnimplementedStreamServesNothing(t *testing.T) {
	client := serve(t, UnaryOnly(healthpb.UnimplementedHealthServer{}))
	stream, err := client.Watch(ctx(t), &healthpb.HealthCheckRequest{})
	if err == nil {
		_, err = stream.Recv()
	}
	if status.Code(err) != codes.Unimplemented {
		t.Fatalf("unimplemented Watch without a token: %v, want Unimplemented", err)
	}
}

// Rule 2: a plain error from an auth interceptor reaches the client as
// codes.Unknown.
func TestPlainErrorIsUnknown(t *testing.T) {
	client := serve(t, grpc.NewServer(grpc.UnaryInterceptor(PlainAuth)))
	_, err := client.Check(ctx(t), &healthpb.HealthCheckRequest{})
	if status.Code(err) != codes.Unknown || status.Convert(err).Message() != "missing or invalid token" {
		t.Fatalf("Check rejected with a plain error: %v, want codes.Unknown", err)
	}
	client = serve(t, grpc.NewServer(grpc.UnaryInterceptor(AuthUnary)))
	if _, err := client.Check(ctx(t), &healthpb.HealthCheckRequest{}); status.Code(err) != codes.Unauthenticated {
		t.Fatalf("Check rejected with status.Error: %v, want Unauthenticated", err)
	}
}

// Rule 3: a second grpc.UnaryInterceptor makes NewServer panic.
func TestSecondUnaryInterceptorPanics(t *testing.T) {
	const want = "The unary server interceptor was already set and may not be reset."
	defer func() {
		if r := recover(); r != want {
			t.Fatalf("NewServer recovered %v, want the panic %q", r, want)
		}
	}()
	TwoUnary()
	t.Fatal("NewServer did not panic")
}

// With auth off, AuthOptions gives one UnaryInterceptor; with auth on,
// two, and NewServer panics.
func TestConditionalSecondUnaryInterceptorPanics(t *testing.T) {
	grpc.NewServer(AuthOptions(false)...).Stop()
	const want = "The unary server interceptor was already set and may not be reset."
	defer func() {
		if r := recover(); r != want {
			t.Fatalf("NewServer with auth on recovered %v, want the panic %q", r, want)
		}
	}()
	grpc.NewServer(AuthOptions(true)...)
	t.Fatal("NewServer with auth on did not panic")
}

// Rule 4: info.FullMethod starts with "/", so an allow-list entry
// without it never matches: the "public" method needs a token.
func TestMethodWithoutSlashNeverMatches(t *testing.T) {
	client := serve(t, grpc.NewServer(grpc.UnaryInterceptor(AllowPublic)))
	if _, err := client.Check(ctx(t), &healthpb.HealthCheckRequest{}); status.Code(err) != codes.Unauthenticated {
		t.Fatalf("Check listed as public: %v, want Unauthenticated (the entry never matches)", err)
	}
	public[healthpb.Health_Check_FullMethodName] = true
	if _, err := client.Check(ctx(t), &healthpb.HealthCheckRequest{}); err != nil {
		t.Fatalf("Check listed by its generated constant: %v, want served", err)
	}
}
