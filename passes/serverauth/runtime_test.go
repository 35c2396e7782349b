package serverauth_test

import (
	"testing"

	"github.com/grpcauthlint/grpcauthlint/internal/e2etest"
)

// TestRuntime runs testdata/e2e/grpc185/serverauth's tests: in-process
// servers on the real grpc-go v1.85.0 that show what the messages
// claim (a stream reaches its handler without a token when auth is
// unary-only, and a stream left to UnimplementedXServer answers
// Unimplemented to everyone; a plain error from an auth interceptor reaches the
// client as codes.Unknown; a second grpc.UnaryInterceptor makes
// NewServer panic, and one given under a condition exactly when it
// holds; a method name without the leading "/" never
// matches info.FullMethod).
func TestRuntime(t *testing.T) {
	e2etest.RunProof(t, "grpc185", "./serverauth/", "",
		"TestStreamSkipsUnaryAuth", "TestUnimplementedStreamServesNothing", "TestPlainErrorIsUnknown", "TestSecondUnaryInterceptorPanics", "TestConditionalSecondUnaryInterceptorPanics", "TestMethodWithoutSlashNeverMatches")
}
