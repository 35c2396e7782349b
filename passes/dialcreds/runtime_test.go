package dialcreds_test

import (
	"path/filepath"
	"strings"
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
	if testing.Short() {
		t.Skip("runs go test in an end-to-end module with the real grpc-go")
	}
	dir := filepath.Join(e2etest.RepoRoot(t), "testdata", "e2e", "grpc185")
	e2etest.Download(t, dir)
	out, errOut, code := e2etest.Run(t, dir, "go", "test", "-count=1", "-v", "-run", "^TestRuntime", "./dialcreds")
	if code != 0 {
		t.Fatalf("go test ./dialcreds in %s: exit %d\n%s%s", dir, code, out, errOut)
	}
	for _, name := range []string{"TestRuntimeStreamCarriesNoToken", "TestRuntimeLaterInterceptorReplaces"} {
		if !strings.Contains(out, "--- PASS: "+name) {
			t.Errorf("%s did not pass:\n%s", name, out)
		}
	}
}
