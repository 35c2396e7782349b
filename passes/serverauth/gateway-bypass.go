package serverauth

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// ruleGatewayBypass: grpc-gateway's generated Register<X>HandlerServer
// serves X's HTTP routes by calling the implementation directly, so
// the interceptors of the grpc.Server the same implementation is
// registered on never run for them. Reported when that server has a
// unary auth interceptor and the gateway's mux is served as it is
// (http.ListenAndServe, an http.Server's Handler, http.Handle or an
// http.ServeMux served so); Register<X>HandlerFromEndpoint, which dials
// the server, and a mux wrapped in anything before it is served are
// left alone.
const ruleGatewayBypass = "gateway-bypass"

const (
	gwNewServeMux      = grpcapi.GatewayRuntime + ".NewServeMux"
	gwWithMiddlewares  = grpcapi.GatewayRuntime + ".WithMiddlewares"
	httpListenAndServe = "net/http.ListenAndServe"
	httpListenTLS      = "net/http.ListenAndServeTLS"
	httpHandle         = "net/http.Handle"
	httpMuxHandle      = "(*net/http.ServeMux).Handle"
	httpServerHandler  = "net/http.Server.Handler"
)

// authImpl is an implementation registered on a server with a unary
// auth interceptor.
type authImpl struct {
	v    *types.Var // the variable holding it, if any
	t    types.Type // its concrete type, nil for an interface
	auth string     // the auth interceptor
	pos  token.Pos  // the registration
}

// collectAuthImpls records the implementations registered on the
// server a grpc.NewServer call at cur builds, when its options install
// a unary auth interceptor.
func (c *checker) collectAuthImpls(cur inspector.Cursor, opts []Opt) {
	auth := ""
	for _, o := range opts {
		if o.Kind.unary() && o.Auth != "" && !o.Maybe {
			auth = o.Auth
			break
		}
	}
	if auth == "" {
		return
	}
	srv, body := c.serverVar(cur, -1), enclosingBody(c.info, cur)
	if srv == nil || body == nil {
		return
	}
	for _, reg := range c.registrations(srv, body, 0) {
		if reg.impl == nil {
			continue
		}
		a := authImpl{v: c.varOf(reg.impl), auth: auth, pos: reg.pos}
		if t := c.info.TypeOf(reg.impl); t != nil && !types.IsInterface(t) {
			a.t = t
		}
		if a.v != nil || a.t != nil {
			c.authImpls = append(c.authImpls, a)
		}
	}
}

// checkGateway judges the Register<X>HandlerServer calls of the package
// against the implementations registered on auth servers.
func (c *checker) checkGateway() {
	if len(c.authImpls) == 0 {
		return
	}
	for _, call := range c.gwCalls {
		fn := lintutil.Callee(c.info, call)
		svc, _ := grpcapi.GatewayHandlerServer(fn)
		impl := call.Args[2]
		v, t := c.varOf(impl), c.info.TypeOf(impl)
		var match *authImpl
		for i, a := range c.authImpls {
			if v != nil && a.v == v || a.t != nil && t != nil && types.Identical(a.t, t) {
				match = &c.authImpls[i]
				break
			}
		}
		if match == nil {
			continue
		}
		served := c.servedUnwrapped(call.Args[1], call)
		if served == nil || !c.once(ruleGatewayBypass, call.Pos()) {
			continue
		}
		c.r.Report(analysis.Diagnostic{
			Pos: call.Pos(), End: call.End(),
			Message: "HTTP routes of " + svc + " call " + exprName(impl) + " directly, skipping auth interceptor " + match.auth +
				"; use Register" + svc + "HandlerFromEndpoint or wrap the mux in HTTP auth",
			Related: []analysis.RelatedInformation{
				{Pos: match.pos, Message: "registered on the gRPC server with the auth interceptor here"},
				{Pos: served.Pos(), End: served.End(), Message: "mux served without a wrapper here"},
			},
		})
	}
}

// servedUnwrapped returns a call that serves the gateway mux e as it
// is, or nil: e must be a local variable whose only value is
// runtime.NewServeMux with no middleware (options the analyzer cannot
// see keep it silent).
func (c *checker) servedUnwrapped(e ast.Expr, at *ast.CallExpr) ast.Node {
	mux := c.varOf(e)
	if mux == nil || isPkgVar(mux) || mux.Pkg() != c.pass.Pkg {
		return nil
	}
	rhs, idx, ok := c.singleValue(mux)
	nm, isCall := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok || idx >= 0 || !isCall {
		return nil
	}
	if fn := lintutil.Callee(c.info, nm); fn == nil || fn.Name() != "NewServeMux" || !grpcapi.IsGatewayMux(fn.Signature().Results().At(0).Type()) {
		return nil
	}
	if nm.Ellipsis.IsValid() {
		return nil
	}
	for _, o := range nm.Args {
		oc, ok := ast.Unparen(o).(*ast.CallExpr)
		fn := lintutil.Callee(c.info, oc)
		if !ok || fn == nil || fn.Name() == "WithMiddlewares" || !isGatewayPkg(fn.Pkg()) {
			return nil // middleware, or an option the analyzer cannot see
		}
	}
	body := c.bodyOf(at.Pos())
	if body == nil {
		return nil
	}
	return c.sinkOf(body, mux, 0)
}

func isGatewayPkg(p *types.Package) bool {
	path := lintutil.PkgPath(p)
	return path == grpcapi.GatewayRuntime || path == grpcapi.GatewayRuntimeV1
}

// bodyOf returns the body of the function declaration holding pos.
func (c *checker) bodyOf(pos token.Pos) *ast.BlockStmt {
	for _, fn := range c.order {
		if d := c.decls[fn]; d.Pos() <= pos && pos < d.End() {
			return d.Body
		}
	}
	return nil
}

// sinkOf returns the first call in body that serves the handler in v
// as it is: http.ListenAndServe(TLS), an http.Server literal's Handler,
// http.Handle, or an http.ServeMux's Handle when that mux is served so.
func (c *checker) sinkOf(body *ast.BlockStmt, v *types.Var, depth int) ast.Node {
	var found ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch x := n.(type) {
		case *ast.CallExpr:
			fn := lintutil.Callee(c.info, x)
			if fn == nil {
				return true
			}
			switch lintutil.FuncKey(fn) {
			case httpListenAndServe:
				if len(x.Args) == 2 && c.varOf(x.Args[1]) == v {
					found = x
				}
			case httpListenTLS:
				if len(x.Args) == 4 && c.varOf(x.Args[3]) == v {
					found = x
				}
			case httpHandle:
				if len(x.Args) == 2 && c.varOf(x.Args[1]) == v {
					found = x
				}
			case httpMuxHandle:
				sel, _ := ast.Unparen(x.Fun).(*ast.SelectorExpr)
				if len(x.Args) == 2 && c.varOf(x.Args[1]) == v && sel != nil && depth == 0 {
					if outer := c.varOf(sel.X); outer != nil && !isPkgVar(outer) {
						if c.sinkOf(body, outer, depth+1) != nil {
							found = x
						}
					}
				}
			}
		case *ast.KeyValueExpr:
			if id, ok := x.Key.(*ast.Ident); ok && c.varOf(x.Value) == v {
				if f, ok := c.info.Uses[id].(*types.Var); ok && f.IsField() && lintutil.PkgPath(f.Pkg()) == "net/http" && f.Name() == "Handler" {
					found = x
				}
			}
		}
		return true
	})
	return found
}
