package lostmetadata

// The run-time proof of the lostmetadata message, with the real grpc-go
// over an in-process bufconn connection: a client interceptor calling
// NewOutgoingContext drops the caller's authorization metadata, so the
// server sees none and its auth check fails the call with
// UNAUTHENTICATED; AppendToOutgoingContext and Join keep it. Run by
// passes/lostmetadata's TestRuntime (skipped by -short).

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

// seen is what the server's interceptors saw of one call.
type seen struct {
	auth      []string
	requestID []string
}

// authCheck rejects calls without an authorization header, as an auth
// interceptor would, and records what arrived.
func authCheck(ctx context.Context, got chan<- seen) error {
	md, _ := metadata.FromIncomingContext(ctx)
	got <- seen{auth: md.Get("authorization"), requestID: md.Get("x-request-id")}
	if len(md.Get("authorization")) == 0 {
		return status.Error(codes.Unauthenticated, "no authorization header")
	}
	return nil
}

func serve(t *testing.T) (*bufconn.Listener, chan seen) {
	t.Helper()
	got := make(chan seen, 1)
	lis := bufconn.Listen(1 << 20)
	srv := grpc.NewServer(
		grpc.UnaryInterceptor(func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
			if err := authCheck(ctx, got); err != nil {
				return nil, err
			}
			return handler(ctx, req)
		}),
		grpc.StreamInterceptor(func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
			if err := authCheck(ss.Context(), got); err != nil {
				return err
			}
			return handler(srv, ss)
		}),
	)
	healthpb.RegisterHealthServer(srv, health.NewServer())
	go srv.Serve(lis)
	t.Cleanup(srv.Stop)
	return lis, got
}

func dial(t *testing.T, lis *bufconn.Listener, opts ...grpc.DialOption) healthpb.HealthClient {
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

// callerCtx is the caller's context: its authorization header is set.
func callerCtx() context.Context {
	return metadata.AppendToOutgoingContext(context.Background(), "authorization", "Bearer t0ken")
}

func TestRuntimeUnary(t *testing.T) {
	for _, tc := range []struct {
		name        string
		interceptor grpc.UnaryClientInterceptor
		wantCode    codes.Code
		wantAuth    bool
	}{
		{"NewOutgoingContext", ReplacingUnary, codes.Unauthenticated, false},
		{"AppendToOutgoingContext", AppendingUnary, codes.OK, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lis, got := serve(t)
			client := dial(t, lis, grpc.WithUnaryInterceptor(tc.interceptor))
			_, err := client.Check(callerCtx(), &healthpb.HealthCheckRequest{})
			if code := status.Code(err); code != tc.wantCode {
				t.Errorf("Check: code %v (%v), want %v", code, err, tc.wantCode)
			}
			s := <-got
			if (len(s.auth) > 0) != tc.wantAuth {
				t.Errorf("server saw authorization %q, want present=%v", s.auth, tc.wantAuth)
			}
			if len(s.requestID) != 1 || s.requestID[0] != "42" {
				t.Errorf("server saw x-request-id %q, want [42]: the interceptor ran", s.requestID)
			}
		})
	}
}

func TestRuntimeStream(t *testing.T) {
	for _, tc := range []struct {
		name        string
		interceptor grpc.StreamClientInterceptor
		wantCode    codes.Code
		wantAuth    bool
	}{
		{"NewOutgoingContext", ReplacingStream, codes.Unauthenticated, false},
		{"Join", JoiningStream, codes.OK, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lis, got := serve(t)
			client := dial(t, lis, grpc.WithStreamInterceptor(tc.interceptor))
			ctx, cancel := context.WithCancel(callerCtx())
			defer cancel()
			stream, err := client.Watch(ctx, &healthpb.HealthCheckRequest{})
			if err == nil {
				_, err = stream.Recv()
			}
			if code := status.Code(err); code != tc.wantCode {
				t.Errorf("Watch: code %v (%v), want %v", code, err, tc.wantCode)
			}
			s := <-got
			if (len(s.auth) > 0) != tc.wantAuth {
				t.Errorf("server saw authorization %q, want present=%v", s.auth, tc.wantAuth)
			}
			if len(s.requestID) != 1 || s.requestID[0] != "42" {
				t.Errorf("server saw x-request-id %q, want [42]: the interceptor ran", s.requestID)
			}
		})
	}
}
