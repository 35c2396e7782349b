package server

import (
	"context"
	"net"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"
)

// What the kratos message claims, shown on the real go-kratos/kratos
// v2.8.3 and grpc-go v1.85.0 in process (run by passes/serverauth's
// TestKratosRuntime): the jwt middleware given to grpc.Middleware
// rejects a unary call without a token and never runs for a streaming
// call, whose handler is reached without one.
func TestKratosStreamSkipsMiddleware(t *testing.T) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h := &Health{Watched: make(chan bool, 1)}
	srv := NewServer(lis, h)
	go srv.Start(context.Background())
	t.Cleanup(func() { srv.Stop(context.Background()) })

	conn, err := grpc.NewClient(lis.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	client := healthpb.NewHealthClient(conn)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	_, err = client.Check(ctx, &healthpb.HealthCheckRequest{})
	if status.Code(err) != codes.Unauthenticated {
		t.Fatalf("Check without a token: err = %v, want Unauthenticated", err)
	}
	stream, err := client.Watch(ctx, &healthpb.HealthCheckRequest{})
	if err != nil {
		t.Fatal(err)
	}
	resp, err := stream.Recv()
	if err != nil {
		t.Fatalf("Watch without a token: %v, want served", err)
	}
	if resp.GetStatus() != healthpb.HealthCheckResponse_SERVING || !<-h.Watched {
		t.Fatalf("Watch without a token: %v", resp)
	}
}
