package serverauth

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// go-kratos/kratos v2 (transport/grpc): its middleware, given with
// grpc.Middleware, runs in kratos' unary server interceptor only. Its
// stream interceptor builds the grpc.StreamMiddleware chain and drops
// it (v2.8.3, transport/grpc/interceptor.go), running that middleware
// on each message instead; grpc.Middleware never runs for a stream. So
// a kratos server's options are a grpc-go server's in kratos form:
//
//   - grpc.Middleware(ms...) is optChainUnary, with Auth when one of
//     ms authenticates: jwt.Server, a selector.Server(...).Build()
//     over one, or a middleware (func(middleware.Handler)
//     middleware.Handler) that authenticates before it calls its
//     handler, followed as Connect's unary interceptors are (connect.go);
//   - grpc.UnaryInterceptor(ins...) is optChainUnary, judged as grpc-go
//     interceptors are; grpc.StreamInterceptor and grpc.StreamMiddleware
//     may authenticate streams (optChainStream);
//   - grpc.Options(opts...) gives its grpc.ServerOptions; every other
//     option installs nothing.

const (
	kratosGRPC       = "github.com/go-kratos/kratos/v2/transport/grpc"
	kratosMiddleware = "github.com/go-kratos/kratos/v2/middleware"
	kratosSelector   = "github.com/go-kratos/kratos/v2/middleware/selector"
	kratosErrors     = "github.com/go-kratos/kratos/v2/errors"
	kratosNewServer  = kratosGRPC + ".NewServer"
	kratosHeaderGet  = "(github.com/go-kratos/kratos/v2/transport.Header).Get"
)

// kratosOptions are kratos' server options that bear on interceptors.
var kratosOptions = map[string]optKind{
	kratosGRPC + ".Middleware":        optChainUnary,
	kratosGRPC + ".UnaryInterceptor":  optChainUnary,
	kratosGRPC + ".StreamInterceptor": optChainStream,
	kratosGRPC + ".StreamMiddleware":  optChainStream,
	kratosGRPC + ".Options":           optUnknown, // followed: its grpc.ServerOptions
}

// kratosAuth are kratos' auth middleware constructors.
var kratosAuth = []string{
	"github.com/go-kratos/kratos/v2/middleware/auth/jwt.Server",
}

// isKratosOption reports whether t is kratos' grpc.ServerOption.
func isKratosOption(t types.Type) bool { return lintutil.IsNamed(t, kratosGRPC, "ServerOption", false) }

// kratosCallOptions returns the options call, of kratos'
// transport/grpc, gives.
func (c *checker) kratosCallOptions(call *ast.CallExpr, key string, depth int) []Opt {
	kind, ok := kratosOptions[key]
	if !ok {
		if t := c.info.TypeOf(call); t != nil && isOptionType(t) {
			return []Opt{{Kind: optOther, pos: call.Pos(), end: call.End()}}
		}
		return unknown(call)
	}
	if call.Ellipsis.IsValid() {
		return unknown(call)
	}
	switch key {
	case kratosGRPC + ".Options":
		var out []Opt
		for _, a := range call.Args {
			out = append(out, c.optionsOf(a, call.Pos(), depth+1)...)
		}
		return out
	case kratosGRPC + ".Middleware":
		o := Opt{Kind: kind, pos: call.Pos(), end: call.End()}
		for _, a := range call.Args {
			if name, _, auth := c.connectInterceptor(a, 0); auth {
				o.Auth = kratosName(c.info, a, name)
				break
			}
		}
		return []Opt{o}
	case kratosGRPC + ".UnaryInterceptor":
		o := Opt{Kind: kind, pos: call.Pos(), end: call.End()}
		for _, a := range call.Args {
			if name, ok := c.authInterceptor(a, 0); ok {
				o.Auth = name
				break
			}
		}
		return []Opt{o}
	}
	return []Opt{{Kind: kind, pos: call.Pos(), end: call.End()}}
}

// kratosLibraryAuth judges a call building a kratos middleware from the
// library: jwt.Server authenticates, selector.Server(ms...)...Build()
// when one of ms does; ok is false for other calls.
func (c *checker) kratosLibraryAuth(call *ast.CallExpr, depth int) (auth, ok bool) {
	fn := lintutil.Callee(c.info, call)
	if fn == nil {
		return false, false
	}
	key := lintutil.FuncKey(fn)
	if slices.Contains(kratosAuth, key) {
		return true, true
	}
	if key != "(*"+kratosSelector+".Builder).Build" {
		return false, false
	}
	// Down the builder chain to selector.Server(ms...).
	e := call.Fun
	for range 8 {
		sel, isSel := ast.Unparen(e).(*ast.SelectorExpr)
		if !isSel {
			return false, true
		}
		inner, isCall := ast.Unparen(sel.X).(*ast.CallExpr)
		if !isCall {
			return false, true
		}
		if f := lintutil.Callee(c.info, inner); f != nil && lintutil.FuncKey(f) == kratosSelector+".Server" {
			for _, m := range inner.Args {
				if c.unaryFuncAuth(m, depth+1) {
					return true, true
				}
			}
			return false, true
		}
		e = inner.Fun
	}
	return false, true
}

// kratosAPIKeys lists the API table keys of the kratos rule.
func kratosAPIKeys() []string {
	keys := []string{kratosNewServer, "(*" + kratosSelector + ".Builder).Build", kratosSelector + ".Server"}
	for k := range kratosOptions {
		keys = append(keys, k)
	}
	return append(keys, kratosAuth...)
}

// kratosName names a selector.Server(...)...Build() chain by its
// selector.Server call, other middleware by name.
func kratosName(info *types.Info, e ast.Expr, name string) string {
	for range 8 {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			break
		}
		if f := lintutil.Callee(info, call); f != nil && lintutil.FuncKey(f) == kratosSelector+".Server" {
			return exprName(call)
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			break
		}
		e = sel.X
	}
	return name
}
