package grpcapi

import (
	"go/constant"
	"go/types"
	"strings"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// Connect is the import path of Connect v1 (connectrpc.com/connect),
// which serves and calls gRPC over net/http.
const Connect = "connectrpc.com/connect"

// What generated Connect code (protoc-gen-connect-go) looks like to the
// type checker:
//
//   - NewXHandler(svc XHandler, opts ...connect.HandlerOption) (string,
//     http.Handler), and XHandler, the interface the implementation
//     satisfies: a streaming method takes a *connect.ServerStream[T],
//     *connect.ClientStream[T] or *connect.BidiStream[Req, Res];
//   - UnimplementedXHandler, whose methods answer CodeUnimplemented;
//   - NewXClient(httpClient connect.HTTPClient, baseURL string, opts
//     ...connect.ClientOption) XClient, and XClient, whose streaming
//     methods return a *connect.ServerStreamForClient[T],
//     *connect.ClientStreamForClient[Req, Res] or
//     *connect.BidiStreamForClient[Req, Res];
//   - XYProcedure string constants "/pkg.X/Y", one for every method.

// ConnectHandlerCtor returns the handler interface of a generated
// NewXHandler function and the service's Go name X; ok is false for
// any other function.
func ConnectHandlerCtor(fn *types.Func) (iface types.Type, name string, ok bool) {
	if fn == nil {
		return nil, "", false
	}
	name, found := strings.CutPrefix(fn.Name(), "New")
	if !found {
		return nil, "", false
	}
	name, found = strings.CutSuffix(name, "Handler")
	sig, _ := fn.Type().(*types.Signature)
	if !found || name == "" || sig == nil || sig.Recv() != nil || !sig.Variadic() || sig.Params().Len() != 2 || sig.Results().Len() != 2 {
		return nil, "", false
	}
	iface = sig.Params().At(0).Type()
	opts, _ := sig.Params().At(1).Type().(*types.Slice)
	if !types.IsInterface(iface) || opts == nil || !lintutil.IsNamed(opts.Elem(), Connect, "HandlerOption", false) ||
		!lintutil.IsNamed(sig.Results().At(1).Type(), "net/http", "Handler", false) {
		return nil, "", false
	}
	return iface, name, true
}

// ConnectStreams returns the streaming methods of a generated Connect
// handler interface: those taking a Connect handler stream.
func ConnectStreams(iface types.Type) []string {
	it, ok := types.Unalias(iface).Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	var out []string
	for i := 0; i < it.NumMethods(); i++ {
		m := it.Method(i)
		sig, _ := m.Type().(*types.Signature)
		if !m.Exported() || sig == nil {
			continue
		}
		for j := 0; j < sig.Params().Len(); j++ {
			t := sig.Params().At(j).Type()
			if lintutil.IsNamed(t, Connect, "ServerStream", true) || lintutil.IsNamed(t, Connect, "ClientStream", true) || lintutil.IsNamed(t, Connect, "BidiStream", true) {
				out = append(out, m.Name())
				break
			}
		}
	}
	return out
}

// IsConnectUnimplemented reports whether fn is a method of a generated
// UnimplementedXHandler type.
func IsConnectUnimplemented(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	name := n.Obj().Name()
	return strings.HasPrefix(name, "Unimplemented") && strings.HasSuffix(name, "Handler")
}

// ConnectClientCtor returns the client interface of a generated
// NewXClient function and the service's Go name X; ok is false for any
// other function.
func ConnectClientCtor(fn *types.Func) (iface types.Type, name string, ok bool) {
	if fn == nil {
		return nil, "", false
	}
	name, found := strings.CutPrefix(fn.Name(), "New")
	if !found {
		return nil, "", false
	}
	name, found = strings.CutSuffix(name, "Client")
	sig, _ := fn.Type().(*types.Signature)
	if !found || name == "" || sig == nil || sig.Recv() != nil || !sig.Variadic() || sig.Params().Len() != 3 || sig.Results().Len() != 1 {
		return nil, "", false
	}
	opts, _ := sig.Params().At(2).Type().(*types.Slice)
	if opts == nil || !lintutil.IsNamed(opts.Elem(), Connect, "ClientOption", false) ||
		!lintutil.IsNamed(sig.Params().At(0).Type(), Connect, "HTTPClient", false) || !types.IsInterface(sig.Results().At(0).Type()) {
		return nil, "", false
	}
	return sig.Results().At(0).Type(), name, true
}

// IsConnectStreamingCall reports whether sig is a streaming method of a
// generated Connect client: it returns a Connect client stream.
func IsConnectStreamingCall(sig *types.Signature) bool {
	if sig == nil || sig.Params().Len() == 0 || !IsContext(sig.Params().At(0).Type()) || sig.Results().Len() == 0 {
		return false
	}
	t := sig.Results().At(0).Type()
	for _, name := range []string{"ServerStreamForClient", "ClientStreamForClient", "BidiStreamForClient"} {
		if lintutil.IsNamed(t, Connect, name, true) {
			return true
		}
	}
	return false
}

// isConnectProcedure reports whether name is a generated XYProcedure
// constant of a package that imports Connect, "/pkg.X/Y" for service X
// and method Y.
func isConnectProcedure(pkg *types.Package, name string) bool {
	c, ok := pkg.Scope().Lookup(name).(*types.Const)
	if !ok || !strings.HasSuffix(name, "Procedure") || c.Val().Kind() != constant.String {
		return false
	}
	svc, method, ok := SplitFullMethod(constant.StringVal(c.Val()))
	if !ok {
		return false
	}
	imports := false
	for _, p := range pkg.Imports() {
		imports = imports || lintutil.PkgPath(p) == Connect
	}
	return imports && name == svc[strings.LastIndex(svc, ".")+1:]+method+"Procedure"
}

// IsConnectClientCall reports whether sig is the shape of the function a
// Connect interceptor wraps a call with: connect.UnaryFunc,
// func(context.Context, connect.AnyRequest) (connect.AnyResponse,
// error), or connect.StreamingClientFunc, func(context.Context,
// connect.Spec) connect.StreamingClientConn. On a client it runs on
// every call, as a grpc-go client interceptor does.
func IsConnectClientCall(sig *types.Signature) bool {
	if sig == nil || sig.Params().Len() != 2 || !IsContext(sig.Params().At(0).Type()) {
		return false
	}
	p, r := sig.Params().At(1).Type(), sig.Results()
	switch {
	case lintutil.IsNamed(p, Connect, "AnyRequest", false):
		return r.Len() == 2 && lintutil.IsNamed(r.At(0).Type(), Connect, "AnyResponse", false) && IsError(r.At(1).Type())
	case lintutil.IsNamed(p, Connect, "Spec", false):
		return r.Len() == 1 && lintutil.IsNamed(r.At(0).Type(), Connect, "StreamingClientConn", false)
	}
	return false
}
