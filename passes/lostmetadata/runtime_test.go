package lostmetadata_test

import (
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
	e2etest.RunProof(t, "grpc185", "./lostmetadata", "^TestRuntime")
}
