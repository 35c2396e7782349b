package authtest_test

import (
	"context"
	"errors"
	"testing"

	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/auth"
	"github.com/grpcauthlint/grpcauthlint/authtest"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	testpb "google.golang.org/grpc/interop/grpc_testing"
	"google.golang.org/grpc/metadata"
)

// authFunc checks the bearer token, but answers a wrong one with a plain
// error (codes.Unknown); a missing one gets AuthFromMD's Unauthenticated.
func authFunc(ctx context.Context) (context.Context, error) {
	tok, err := auth.AuthFromMD(ctx, "bearer")
	if err != nil {
		return nil, err
	}
	if tok != "s3cret" {
		return nil, errors.New("invalid token")
	}
	return ctx, nil
}

func middlewareAuth(f auth.AuthFunc) []grpc.ServerOption {
	return []grpc.ServerOption{
		grpc.ChainUnaryInterceptor(auth.UnaryServerInterceptor(f)),
		grpc.ChainStreamInterceptor(auth.StreamServerInterceptor(f)),
	}
}

// go-grpc-middleware v2's auth interceptors, on unary and streams, pass.
func TestGoGRPCMiddlewareAuth(t *testing.T) {
	srv := newServer(t, middlewareAuth(authFunc)...)
	authtest.Require(t, srv)

	// A wrong token, sent with WithMetadata, shows the plain error.
	rep := check(t, srv, authtest.WithMetadata(metadata.Pairs("authorization", "Bearer wrong")))
	if n := len(rep.Unprotected()); n != 8 {
		t.Errorf("%d unprotected with a wrong token, want 8:\n%s", n, rep)
	}
	for _, r := range rep.Unprotected() {
		if r.Code != codes.Unknown || r.Message != "invalid token" {
			t.Errorf("%s: %v %q, want Unknown \"invalid token\"", r.Method, r.Code, r.Message)
		}
	}
}

// publicService overrides the AuthFunc for all its methods, so all of
// them are served without a token.
type publicService struct{ testService }

func (publicService) AuthFuncOverride(ctx context.Context, _ string) (context.Context, error) {
	return ctx, nil
}

func TestGoGRPCMiddlewareAuthFuncOverride(t *testing.T) {
	srv := grpc.NewServer(middlewareAuth(authFunc)...)
	t.Cleanup(srv.Stop)
	testpb.RegisterTestServiceServer(srv, publicService{})
	testpb.RegisterUnimplementedServiceServer(srv, testpb.UnimplementedUnimplementedServiceServer{})
	rep := check(t, srv)
	wantMethods(t, "Unprotected", rep.Unprotected(),
		emptyCall, unaryCall, cacheableUnaryCall, streamingOutputCall, streamingInputCall, fullDuplexCall)
	wantMethods(t, "Unimplemented", rep.Unimplemented(), halfDuplexCall, unimplementedCall)
	if c := codesOf(rep.Results)[testpb.UnimplementedService_UnimplementedCall_FullMethodName]; c != codes.Unauthenticated {
		t.Errorf("UnimplementedService (no override): %v, want Unauthenticated", c)
	}
}
