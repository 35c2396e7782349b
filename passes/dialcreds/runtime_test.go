package dialcreds_test

import (
	"testing"

	"github.com/grpcauthlint/grpcauthlint/internal/e2etest"
)

// TestRuntime runs the run-time proof of the interceptor messages in the
// end-to-end module testdata/e2e/grpc185 (package dialcreds,
// runtime_test.go): with the real grpc-go v1.85 over bufconn, a token
// added by a unary client interceptor only is not sent on a streaming
// call (the server answers UNAUTHENTICATED), and a second
// grpc.WithUnaryInterceptor or WithStreamInterceptor replaces the
// first, whose token is then never sent.
func TestRuntime(t *testing.T) {
	e2etest.RunProof(t, "grpc185", "./dialcreds", "^TestRuntime",
		"TestRuntimeStreamCarriesNoToken", "TestRuntimeLaterInterceptorReplaces")
}
