package lostmetadata_test

import (
	"path/filepath"
	"testing"

	"github.com/grpcauthlint/grpcauthlint/internal/e2etest"
)

// TestRuntime runs the run-time proof of the message in the end-to-end
// module testdata/e2e/grpc185 (package lostmetadata, runtime_test.go):
// with the real grpc-go v1.85 over bufconn, a client interceptor calling
// NewOutgoingContext drops the caller's authorization metadata, so the
// server sees none and the call fails with UNAUTHENTICATED, while
// AppendToOutgoingContext and Join keep it.
func TestRuntime(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test in an end-to-end module with the real grpc-go")
	}
	dir := filepath.Join(e2etest.RepoRoot(t), "testdata", "e2e", "grpc185")
	e2etest.Download(t, dir)
	out, errOut, code := e2etest.Run(t, dir, "go", "test", "-count=1", "-run", "^TestRuntime", "./lostmetadata")
	if code != 0 {
		t.Fatalf("go test ./lostmetadata in %s: exit %d\n%s%s", dir, code, out, errOut)
	}
}
