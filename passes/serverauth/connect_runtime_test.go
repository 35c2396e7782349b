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

// TestKratosRuntime runs testdata/e2e/kratos283/server's test: an
// in-process go-kratos/kratos v2.8.3 gRPC server whose jwt middleware,
// given with grpc.Middleware, rejects a unary call without a token and
// lets a streaming call reach its handler without one.
func TestKratosRuntime(t *testing.T) {
	e2etest.RunProof(t, "kratos283", "./server/", "", "TestKratosStreamSkipsMiddleware")
}
