package serverauth_test

import (
	"testing"

	"github.com/grpcauthlint/grpcauthlint/internal/e2etest"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintest"
	"github.com/grpcauthlint/grpcauthlint/passes/serverauth"
)

func TestFailOpen(t *testing.T) {
	t.Parallel()
	lintest.Run(t, serverauth.Analyzer, "failopen", "failopen/lib", "itemspb")
}

// TestFailOpenRuntime runs testdata/e2e/gateway/failopen's proof on the
// real grpc-go: a method missing from the interceptor's table reaches
// the implementation without a token.
func TestFailOpenRuntime(t *testing.T) {
	e2etest.RunProof(t, "gateway", "./failopen/", "", "TestUnlistedMethodSkipsAuth")
}
