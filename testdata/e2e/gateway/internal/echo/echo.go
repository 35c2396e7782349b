// Package echo serves EchoService in process for the run-time proofs.
package echo

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	echov1 "example.com/e2egateway/gen/echo/v1"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/test/bufconn"
)

// Impl answers with what it saw; Deleted records the Delete calls that
// reached it.
type Impl struct {
	echov1.UnimplementedEchoServiceServer
	Deleted chan string
}

func New() *Impl { return &Impl{Deleted: make(chan string, 8)} }

func (i *Impl) Echo(ctx context.Context, req *echov1.EchoRequest) (*echov1.EchoResponse, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	return &echov1.EchoResponse{Message: req.GetMessage(), Authorization: strings.Join(md["authorization"], ",")}, nil
}

func (i *Impl) Delete(ctx context.Context, req *echov1.DeleteRequest) (*echov1.DeleteResponse, error) {
	i.Deleted <- req.GetName()
	return &echov1.DeleteResponse{}, nil
}

// Serve registers impl on s, serves it in process and returns a client.
func Serve(t testing.TB, s *grpc.Server, impl echov1.EchoServiceServer) echov1.EchoServiceClient {
	t.Helper()
	echov1.RegisterEchoServiceServer(s, impl)
	return Start(t, s)
}

// Start serves s, on which the services are registered, in process and
// returns a client.
func Start(t testing.TB, s *grpc.Server) echov1.EchoServiceClient {
	t.Helper()
	lis := bufconn.Listen(1 << 20)
	go s.Serve(lis)
	t.Cleanup(s.Stop)
	return client(t, "passthrough:///bufnet",
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }))
}

// ServeTCP is Serve on a loopback TCP port, for interceptors that need
// real addresses (the authz RBAC engine parses them).
func ServeTCP(t testing.TB, s *grpc.Server, impl echov1.EchoServiceServer) echov1.EchoServiceClient {
	t.Helper()
	echov1.RegisterEchoServiceServer(s, impl)
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go s.Serve(lis)
	t.Cleanup(s.Stop)
	return client(t, "passthrough:///"+lis.Addr().String())
}

func client(t testing.TB, target string, opts ...grpc.DialOption) echov1.EchoServiceClient {
	t.Helper()
	conn, err := grpc.NewClient(target, append(opts, grpc.WithTransportCredentials(insecure.NewCredentials()))...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return echov1.NewEchoServiceClient(conn)
}

// Ctx is a context for one test.
func Ctx(t testing.TB) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return c
}
