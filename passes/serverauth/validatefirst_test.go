package serverauth_test

import (
	"testing"

	"github.com/grpcauthlint/grpcauthlint/internal/e2etest"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintest"
	"github.com/grpcauthlint/grpcauthlint/passes/serverauth"
)

func TestValidateFirst(t *testing.T) {
	t.Parallel()
	lintest.Run(t, serverauth.Analyzer, "validatefirst", "validatefirst/lib")
}

// TestValidateFirstRuntime runs testdata/e2e/gateway/validatefirst's
// proof on the real grpc-go and go-grpc-middleware: with the validator
// first, a malformed request without a token gets InvalidArgument.
func TestValidateFirstRuntime(t *testing.T) {
	e2etest.RunProof(t, "gateway", "./validatefirst/", "", "TestValidationAnswersBeforeAuth")
}
