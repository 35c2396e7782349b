package serverauth_test

import (
	"testing"

	"github.com/grpcauthlint/grpcauthlint/internal/e2etest"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintest"
	"github.com/grpcauthlint/grpcauthlint/passes/serverauth"
)

func TestGatewayBypass(t *testing.T) {
	t.Parallel()
	lintest.Run(t, serverauth.Analyzer, "gateway")
}

// TestGatewayBypassRuntime runs testdata/e2e/gateway/gatewaybypass's
// proof with real generated code (protoc-gen-grpc-gateway v2.34.0, see
// testdata/e2e/gateway/gen.sh): the HTTP route RegisterXHandlerServer
// serves reaches the implementation without a token while the gRPC
// call is rejected, and through RegisterXHandlerFromEndpoint the same
// request gets 401.
func TestGatewayBypassRuntime(t *testing.T) {
	e2etest.RunProof(t, "gateway", "./gatewaybypass/", "", "TestHandlerServerSkipsInterceptors")
}
