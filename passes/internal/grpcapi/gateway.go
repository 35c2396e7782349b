package grpcapi

import (
	"go/types"
	"strings"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// Import paths of grpc-gateway's runtime (v2, and v1 before the module
// moved).
const (
	GatewayRuntime   = "github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	GatewayRuntimeV1 = "github.com/grpc-ecosystem/grpc-gateway/runtime"
)

// IsGatewayEndpointRegistration reports whether fn has the shape of a
// function protoc-gen-grpc-gateway generates to proxy HTTP to a gRPC
// endpoint: Register<Service>HandlerFromEndpoint(ctx, mux *runtime.ServeMux,
// endpoint string, opts []grpc.DialOption). The connection it dials goes
// back to the program's own server; the gateway forwards the HTTP
// Authorization header on each call.
func IsGatewayEndpointRegistration(fn *types.Func) bool {
	name := fn.Name()
	if !strings.HasPrefix(name, "Register") || !strings.HasSuffix(name, "HandlerFromEndpoint") {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() != nil {
		return false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if lintutil.IsNamed(t, GatewayRuntime, "ServeMux", true) || lintutil.IsNamed(t, GatewayRuntimeV1, "ServeMux", true) {
			return true
		}
	}
	return false
}

// IsGatewayMux reports whether t is grpc-gateway's *runtime.ServeMux.
func IsGatewayMux(t types.Type) bool {
	_, isPtr := types.Unalias(t).(*types.Pointer)
	return isPtr && (lintutil.IsNamed(t, GatewayRuntime, "ServeMux", true) || lintutil.IsNamed(t, GatewayRuntimeV1, "ServeMux", true))
}

// GatewayHandlerServer reports whether fn has the shape of the
// Register<Service>HandlerServer(ctx, mux *runtime.ServeMux, server)
// protoc-gen-grpc-gateway generates, which serves the service's HTTP
// routes by calling server's methods directly (no gRPC, so no
// interceptors), and returns the service's Go name.
func GatewayHandlerServer(fn *types.Func) (string, bool) {
	if fn == nil {
		return "", false
	}
	x, ok := strings.CutPrefix(fn.Name(), "Register")
	if !ok {
		return "", false
	}
	if x, ok = strings.CutSuffix(x, "HandlerServer"); !ok || x == "" {
		return "", false
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() != nil || sig.Params().Len() != 3 || !IsGatewayMux(sig.Params().At(1).Type()) || !types.IsInterface(sig.Params().At(2).Type()) {
		return "", false
	}
	return x, true
}
