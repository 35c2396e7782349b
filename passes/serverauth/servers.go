package serverauth

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// checkServers judges every grpc.NewServer call: its interceptor
// options (stream-unauthenticated, second-interceptor) and the services
// registered on it (stream-unauthenticated); and every call of a server
// constructor: the services registered on the server it returns,
// against each server it may build (stream-unauthenticated).
func (c *checker) checkServers() {
	for cur := range c.insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn := lintutil.Callee(c.info, call)
		if fn == nil || c.r.InTest(call.Pos()) {
			continue
		}
		if _, ok := grpcapi.GatewayHandlerServer(fn); ok && len(call.Args) == 3 {
			c.gwCalls = append(c.gwCalls, call)
		}
		if lintutil.FuncKey(fn) == authzNewStatic {
			c.checkAuthzPolicy(call)
		}
		if c.isChain(call) {
			c.checkChainOrder(call)
		}
		if lintutil.FuncKey(fn) == newServer {
			opts := c.newServerOptions(call)
			c.checkPanics(opts)
			c.checkOptionOrder(opts)
			c.checkFailOpen(call, c.serverVar(cur, -1), enclosingBody(c.info, cur))
			c.collectAuthImpls(cur, opts)
			c.checkStreams(cur, call, opts, -1)
			continue
		}
		sig, _ := fn.Type().(*types.Signature)
		if sig == nil || serverResult(sig) < 0 {
			continue
		}
		idx := -1
		if sig.Results().Len() > 1 {
			idx = serverResult(sig)
		}
		if f := c.funcServers(fn, 0); f != nil {
			for _, opts := range f.Servers {
				c.checkStreams(cur, call, at(opts, call), idx)
			}
		}
	}
}

// serverVar returns the local variable the server that the call at cur
// returns (its result idx, or -1 for a single value) is stored in, when
// that is the variable's only value.
func (c *checker) serverVar(cur inspector.Cursor, idx int) *types.Var {
	var id ast.Expr
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		switch {
		case idx < 0 && len(p.Lhs) == 1 && len(p.Rhs) == 1:
			id = p.Lhs[0]
		case idx >= 0 && idx < len(p.Lhs) && len(p.Lhs) > 1 && len(p.Rhs) == 1:
			id = p.Lhs[idx]
		}
	case *ast.ValueSpec:
		switch {
		case idx < 0 && len(p.Names) == 1 && len(p.Values) == 1:
			id = p.Names[0]
		case idx >= 0 && idx < len(p.Names) && len(p.Names) > 1 && len(p.Values) == 1:
			id = p.Names[idx]
		}
	}
	if _, ok := ast.Unparen(id).(*ast.Ident); !ok {
		return nil
	}
	v := c.varOf(id)
	if v == nil || isPkgVar(v) {
		return nil
	}
	if _, _, ok := c.singleValue(v); !ok {
		return nil
	}
	return v
}

// enclosingBody returns the body of the function holding cur.
func enclosingBody(info *types.Info, cur inspector.Cursor) *ast.BlockStmt {
	switch fn := func() ast.Node { n, _ := lintutil.EnclosingFunc(info, cur); return n }().(type) {
	case *ast.FuncDecl:
		return fn.Body
	case *ast.FuncLit:
		return fn.Body
	}
	return nil
}

// registrations returns the services registered on the server in srv
// within body: generated RegisterXServer calls, RegisterService with a
// generated descriptor, and helpers taking the server.
func (c *checker) registrations(srv *types.Var, body *ast.BlockStmt, depth int) []Registration {
	var out []Registration
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn := lintutil.Callee(c.info, call)
		if fn == nil {
			return true
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fn.Name() == "RegisterService" && c.varOf(sel.X) == srv && len(call.Args) == 2 {
			if reg, ok := c.descRegistration(call.Args[0]); ok {
				reg.Streams = c.served(call.Args[1], reg.Streams)
				reg.pos = call.Pos()
				out = append(out, reg)
			}
			return true
		}
		for i, a := range call.Args {
			if c.varOf(a) != srv || call.Ellipsis.IsValid() {
				continue
			}
			if iface, name, ok := grpcapi.RegisterServer(fn); ok && i == 0 {
				streams := streamsOf(iface)
				if len(call.Args) == 2 {
					streams = c.served(call.Args[1], streams)
				}
				var impl ast.Expr
				if len(call.Args) == 2 {
					impl = call.Args[1]
				}
				out = append(out, Registration{Service: name, Streams: streams, Served: c.servedMethods(fn, name, iface, impl), pos: call.Pos(), impl: impl})
				continue
			}
			if depth > 4 {
				continue
			}
			if f := c.funcRegisters(fn, depth+1); f != nil {
				for _, r := range f.Regs {
					if r.Param == i {
						r.pos = call.Pos()
						out = append(out, r)
					}
				}
			}
		}
		return true
	})
	return out
}

func streamsOf(iface types.Type) []string {
	var out []string
	for _, m := range grpcapi.ServerInterfaceMethods(iface) {
		if m.Stream {
			out = append(out, m.Name)
		}
	}
	return out
}

// served drops from streams the methods that the implementation impl,
// when its concrete type is known, takes from an embedded generated
// UnimplementedXServer: those handlers answer codes.Unimplemented to
// every caller, so skipping authentication there serves nothing. With
// an interface-typed impl (a parameter, a constructor returning the
// interface) every method may be served.
func (c *checker) served(impl ast.Expr, streams []string) []string {
	t := c.info.TypeOf(impl)
	if t == nil || types.IsInterface(t) {
		return streams
	}
	var out []string
	for _, m := range streams {
		obj, _, _ := types.LookupFieldOrMethod(t, true, c.pass.Pkg, m)
		if fn, ok := obj.(*types.Func); ok && grpcapi.IsUnimplemented(fn) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// funcRegisters summarizes what fn registers on its server parameters.
func (c *checker) funcRegisters(fn *types.Func, depth int) *registersFact {
	fn = fn.Origin()
	if f, done := c.regMemo[fn]; done {
		return f
	}
	decl := c.decls[fn]
	if decl == nil {
		return importedFact[registersFact](c, fn)
	}
	c.regMemo[fn] = nil
	sig := fn.Type().(*types.Signature)
	f := &registersFact{}
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if !grpcapi.IsServiceRegistrar(p.Type()) {
			continue
		}
		for _, r := range c.registrations(p, decl.Body, depth) {
			r.Param = i
			f.Regs = append(f.Regs, r)
		}
	}
	c.regMemo[fn] = f
	return f
}

// descRegistration reads the service of &X_ServiceDesc: from its
// literal in this package, or from the RegisterXServer function beside
// it in another.
func (c *checker) descRegistration(arg ast.Expr) (Registration, bool) {
	u, ok := ast.Unparen(arg).(*ast.UnaryExpr)
	if !ok {
		return Registration{}, false
	}
	v := c.varOf(u.X)
	if v == nil || !isPkgVar(v) || !grpcapi.IsServiceDesc(v.Type()) {
		return Registration{}, false
	}
	if v.Pkg() == c.pass.Pkg {
		rhs, idx, ok := c.singleValue(v)
		lit, isLit := ast.Unparen(rhs).(*ast.CompositeLit)
		if !ok || idx >= 0 || !isLit {
			return Registration{}, false
		}
		d, ok := grpcapi.ReadServiceDesc(c.info, lit)
		if !ok {
			return Registration{}, false
		}
		reg := Registration{Service: d.ServiceName[strings.LastIndex(d.ServiceName, ".")+1:], Streams: d.Streams}
		return reg, reg.Service != ""
	}
	x, ok := strings.CutSuffix(v.Name(), "_ServiceDesc")
	if !ok {
		return Registration{}, false
	}
	fn, _ := v.Pkg().Scope().Lookup("Register" + x + "Server").(*types.Func)
	iface, name, ok := grpcapi.RegisterServer(fn)
	if !ok {
		return Registration{}, false
	}
	return Registration{Service: name, Streams: streamsOf(iface)}, true
}
