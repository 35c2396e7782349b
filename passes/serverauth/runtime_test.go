package serverauth_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/grpcauthlint/grpcauthlint/internal/e2etest"
)

// TestRuntime runs testdata/e2e/grpc185/serverauth's tests: in-process
// servers on the real grpc-go v1.85.0 that show what the messages
// claim (a stream reaches its handler without a token when auth is
// unary-only; a plain error from an auth interceptor reaches the
// client as codes.Unknown; a second grpc.UnaryInterceptor makes
// NewServer panic; a method name without the leading "/" never
// matches info.FullMethod).
func TestRuntime(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a module with the real grpc-go")
	}
	dir := filepath.Join(e2etest.RepoRoot(t), "testdata", "e2e", "grpc185")
	e2etest.Download(t, dir)
	out, errOut, code := e2etest.Run(t, dir, "go", "test", "-count=1", "-v", "./serverauth/")
	if code != 0 {
		t.Fatalf("go test ./serverauth/ in %s: exit %d\n%s\n%s", dir, code, out, errOut)
	}
	for _, name := range []string{"TestStreamSkipsUnaryAuth", "TestPlainErrorIsUnknown", "TestSecondUnaryInterceptorPanics", "TestMethodWithoutSlashNeverMatches"} {
		if !strings.Contains(out, "--- PASS: "+name) {
			t.Errorf("%s did not pass:\n%s", name, out)
		}
	}
}
