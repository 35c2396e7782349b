package serverauth_test

import (
	"testing"

	"github.com/grpcauthlint/grpcauthlint/internal/e2etest"
)

// TestConnectRuntime runs testdata/e2e/connect121/server's tests: an
// in-process Connect server and client on the real connect v1.21.1
// with generated code, showing that a connect.UnaryInterceptorFunc auth
// interceptor lets a streaming call through without the token, and that
// a client's unary-only token interceptor sends no token on a streaming
// call, which then gets CodeUnauthenticated.
func TestConnectRuntime(t *testing.T) {
	e2etest.RunProof(t, "connect121", "./server/", "",
		"TestConnectStreamSkipsUnaryAuth", "TestConnectClientUnaryTokenSkipsStreams")
}
