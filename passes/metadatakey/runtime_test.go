package metadatakey_test

import (
	"testing"

	"github.com/grpcauthlint/grpcauthlint/internal/e2etest"
)

// TestRuntime runs the run-time proofs of the messages on
// GetRequestMetadata maps in the end-to-end modules (package perrpckeys,
// runtime_test.go), one go test per grpc-go version, over bufconn: on
// v1.85 the client rejects an empty key, a key outside [0-9a-z-_.] and a
// non-printable value with codes.Internal; on v1.45 it sends them and the
// server resets the stream, codes.Internal again; on both a ":"-prefixed
// key goes on the wire and the server resets the stream, while an
// uppercase key arrives lowercased.
func TestRuntime(t *testing.T) {
	for _, mod := range []string{"grpc185", "grpc145"} {
		t.Run(mod, func(t *testing.T) {
			e2etest.RunProof(t, mod, "./perrpckeys", "^TestRuntime$")
		})
	}
}
