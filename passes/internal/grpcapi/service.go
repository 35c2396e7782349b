package grpcapi

import (
	"go/constant"
	"go/types"
	"strings"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// What generated service code (protoc-gen-go-grpc) looks like to the
// type checker, read from types alone so it works on packages loaded
// from export data:
//
//   - RegisterXServer(s grpc.ServiceRegistrar, srv XServer) (before
//     protoc-gen-go-grpc 1.0 and with the old protoc-gen-go plugin, s
//     is a *grpc.Server);
//   - XServer, the interface the implementation satisfies: a streaming
//     method takes a stream, grpc.ServerStreamingServer[T],
//     ClientStreamingServer[Req, Res] or BidiStreamingServer[Req, Res]
//     (protoc-gen-go-grpc 1.4, grpc-go 1.64 and later, under the old
//     names as aliases), or an older per-method interface X_YServer
//     that embeds grpc.ServerStream;
//   - X_Y_FullMethodName string constants "/pkg.X/Y" (protoc-gen-go-grpc
//     1.3 and later), one for every method of the service.

// IsServerStream reports whether t is grpc.ServerStream or an interface
// that embeds it, directly or through other interfaces: the generic
// stream types and the per-method stream interfaces of older generated
// code.
func IsServerStream(t types.Type) bool {
	return embedsServerStream(t, 0)
}

func embedsServerStream(t types.Type, depth int) bool {
	if t == nil || depth > 8 {
		return false
	}
	t = types.Unalias(t)
	if lintutil.IsNamed(t, GRPC, "ServerStream", false) {
		return true
	}
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for i := 0; i < iface.NumEmbeddeds(); i++ {
		if embedsServerStream(iface.EmbeddedType(i), depth+1) {
			return true
		}
	}
	return false
}

// ServiceMethod is one method of a generated server interface.
type ServiceMethod struct {
	Name   string // Go method name, as in the interface
	Stream bool   // client, server or bidirectional streaming
}

// ServerInterfaceMethods returns the RPC methods of a generated server
// interface (exported methods; mustEmbedUnimplementedXServer and other
// unexported markers are skipped), or nil when t is not an interface.
// A method streams when one of its parameters is a server stream
// (IsServerStream).
func ServerInterfaceMethods(t types.Type) []ServiceMethod {
	iface, ok := types.Unalias(t).Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	var out []ServiceMethod
	for i := 0; i < iface.NumMethods(); i++ {
		m := iface.Method(i)
		if !m.Exported() {
			continue
		}
		sig, _ := m.Type().(*types.Signature)
		if sig == nil {
			continue
		}
		stream := false
		for j := 0; j < sig.Params().Len(); j++ {
			stream = stream || IsServerStream(sig.Params().At(j).Type())
		}
		out = append(out, ServiceMethod{Name: m.Name(), Stream: stream})
	}
	return out
}

// IsServiceRegistrar reports whether t is grpc.ServiceRegistrar or
// *grpc.Server, the first parameter of generated RegisterXServer
// functions.
func IsServiceRegistrar(t types.Type) bool {
	return lintutil.IsNamed(t, GRPC, "ServiceRegistrar", false) || IsServer(t)
}

// IsServer reports whether t is *grpc.Server.
func IsServer(t types.Type) bool {
	_, isPtr := types.Unalias(t).(*types.Pointer)
	return isPtr && lintutil.IsNamed(t, GRPC, "Server", true)
}

// RegisterServer returns the server interface of a generated
// registration function RegisterXServer(s, srv XServer), and the
// service's Go name X; ok is false for any other function.
func RegisterServer(fn *types.Func) (srv types.Type, name string, ok bool) {
	if fn == nil {
		return nil, "", false
	}
	name, found := strings.CutPrefix(fn.Name(), "Register")
	if !found {
		return nil, "", false
	}
	name, found = strings.CutSuffix(name, "Server")
	sig, _ := fn.Type().(*types.Signature)
	if !found || name == "" || sig == nil || sig.Recv() != nil || sig.Params().Len() != 2 || sig.Results().Len() != 0 {
		return nil, "", false
	}
	if !IsServiceRegistrar(sig.Params().At(0).Type()) || !types.IsInterface(sig.Params().At(1).Type()) {
		return nil, "", false
	}
	return sig.Params().At(1).Type(), name, true
}

// IsServiceDesc reports whether t is grpc.ServiceDesc or a pointer to
// one.
func IsServiceDesc(t types.Type) bool { return lintutil.IsNamed(t, GRPC, "ServiceDesc", true) }

// FullMethodConst is one generated X_Y_FullMethodName constant.
type FullMethodConst struct {
	Const   *types.Const
	Service string // "pkg.X", the proto full name
	Method  string // "Y", the proto method name
}

// SplitFullMethod splits "/pkg.Service/Method" into its service and
// method; ok is false for anything else (both parts non-empty, no other
// "/").
func SplitFullMethod(s string) (service, method string, ok bool) {
	rest, ok := strings.CutPrefix(s, "/")
	if !ok {
		return "", "", false
	}
	service, method, ok = strings.Cut(rest, "/")
	if !ok || service == "" || method == "" || strings.Contains(method, "/") {
		return "", "", false
	}
	return service, method, true
}

// FullMethodConsts returns the generated X_Y_FullMethodName constants
// declared in pkg (none for code generated before protoc-gen-go-grpc
// 1.3).
func FullMethodConsts(pkg *types.Package) []FullMethodConst {
	if pkg == nil {
		return nil
	}
	var out []FullMethodConst
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		if !strings.HasSuffix(name, "_FullMethodName") && !isConnectProcedure(pkg, name) {
			continue
		}
		c, ok := scope.Lookup(name).(*types.Const)
		if !ok || c.Val().Kind() != constant.String {
			continue
		}
		svc, method, ok := SplitFullMethod(constant.StringVal(c.Val()))
		if !ok {
			continue
		}
		out = append(out, FullMethodConst{Const: c, Service: svc, Method: method})
	}
	return out
}
