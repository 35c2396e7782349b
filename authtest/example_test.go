package authtest_test

import (
	"context"
	"fmt"
	"io"
	"log"

	"github.com/grpcauthlint/grpcauthlint/authtest"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	testpb "google.golang.org/grpc/interop/grpc_testing"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// echo implements two methods of grpc-go's TestService and leaves the
// others to the generated UnimplementedTestServiceServer.
type echo struct {
	testpb.UnimplementedTestServiceServer
}

func (echo) EmptyCall(context.Context, *testpb.Empty) (*testpb.Empty, error) {
	return &testpb.Empty{}, nil
}

func (echo) FullDuplexCall(st grpc.BidiStreamingServer[testpb.StreamingOutputCallRequest, testpb.StreamingOutputCallResponse]) error {
	for {
		if _, err := st.Recv(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

// requireToken authenticates unary RPCs; the server installs no stream
// interceptor, so grpc-go calls FullDuplexCall without it.
func requireToken(ctx context.Context, req any, _ *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	if v := metadata.ValueFromIncomingContext(ctx, "authorization"); len(v) == 0 || v[0] != "Bearer s3cret" {
		return nil, status.Error(codes.Unauthenticated, "missing or invalid token")
	}
	return handler(ctx, req)
}

func ExampleCheck() {
	srv := grpc.NewServer(grpc.UnaryInterceptor(requireToken))
	testpb.RegisterTestServiceServer(srv, echo{})
	defer srv.Stop()

	rep, err := authtest.Check(context.Background(), srv)
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range rep.Unprotected() {
		fmt.Printf("%s (%s): %v, %s\n", r.Method, r.Kind(), r.Code, r.Reason())
	}
	for _, r := range rep.Unimplemented() {
		fmt.Printf("%s: %v\n", r.Method, r.Code)
	}
	// Output:
	// /grpc.testing.TestService/FullDuplexCall (bidi stream): OK, served without a token
	// /grpc.testing.TestService/HalfDuplexCall: Unimplemented
	// /grpc.testing.TestService/StreamingInputCall: Unimplemented
	// /grpc.testing.TestService/StreamingOutputCall: Unimplemented
}
