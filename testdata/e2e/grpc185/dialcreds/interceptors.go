package dialcreds

import (
	"context"
	"log"

	"google.golang.org/grpc"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"

	"example.com/e2e185/dialcreds/dialhelp"
)

func addToken(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	return invoker(metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer t0ken"), method, req, reply, cc, opts...)
}

func logCalls(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	log.Print(method)
	return invoker(ctx, method, req, reply, cc, opts...)
}

// WatchHealth's stream goes out without the token (runtime_test.go,
// TestRuntimeStreamCarriesNoToken).
func WatchHealth(ctx context.Context, addr string) error {
	conn, err := grpc.NewClient(addr, dialhelp.TLS(), grpc.WithUnaryInterceptor(addToken)) // want "dialcreds: Watch goes out without this unary interceptor's token; add a stream interceptor"
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = healthpb.NewHealthClient(conn).Watch(ctx, &healthpb.HealthCheckRequest{})
	return err
}

// LoggedClient's token is never sent (TestRuntimeLaterInterceptorReplaces).
func LoggedClient(addr string) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr, dialhelp.TLS(),
		grpc.WithUnaryInterceptor(addToken), // want "dialcreds: a later grpc.WithUnaryInterceptor replaces this token interceptor; pass both to grpc.WithChainUnaryInterceptor"
		grpc.WithUnaryInterceptor(logCalls))
}
