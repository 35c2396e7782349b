package serverauth

import (
	"go/ast"
	"go/types"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// Connect (connectrpc.com/connect v1) in serverauth's terms. Its
// handler options flow as grpc.ServerOptions do (options.go follows
// both); what they install is read here:
//
//   - connect.WithInterceptors installs interceptors on both halves,
//     but a connect.UnaryInterceptorFunc, and any interceptor whose
//     WrapStreamingHandler returns next unchanged, wraps unary calls
//     only: Opt{Kind: optChainUnary}, with Auth set when its unary
//     half authenticates (auth.go, before it calls next);
//   - an interceptor whose streaming half does anything else may
//     authenticate streams (optChainStream), and so may
//     connect.WithRequestGate, which runs for every stream type;
//   - WithHandlerOptions and WithOptions give their arguments' options;
//     WithConditionalHandlerOptions, an interceptor slice spread into
//     WithInterceptors and an interceptor the analyzer cannot see are
//     optUnknown; every other option of package connect installs
//     nothing.
//
// Across packages, connectFact carries what a function returning an
// interceptor returns, and what an interceptor type's methods do.

// icptKind is which halves an interceptor wraps.
type icptKind uint8

const (
	icptUnknown icptKind = iota // not known
	icptUnary                   // unary calls only
	icptAll                     // streams too (its streaming half may authenticate)
)

// connectFact is, for a function returning a Connect interceptor (or a
// function that is one, func(connect.UnaryFunc) connect.UnaryFunc),
// which halves the interceptor wraps and whether its unary half
// authenticates; for a WrapUnary method, whether it authenticates; for a
// WrapStreamingHandler method, whether it returns next unchanged.
type connectFact struct {
	Kind        icptKind
	Auth        bool
	Passthrough bool
}

func (*connectFact) AFact() {}

func (f *connectFact) String() string {
	s := [...]string{"unknown", "unary", "all"}[f.Kind]
	if f.Auth {
		s += ", auth"
	}
	if f.Passthrough {
		s += ", passthrough"
	}
	return "connect " + s
}

type connectOpt uint8

const (
	copOther        connectOpt = iota // installs no interceptor
	copInterceptors                   // connect.WithInterceptors
	copList                           // options of options
	copGate                           // runs before every stream type
	copUnknown                        // installs what the analyzer cannot see
)

// connectOptions are the option constructors of package connect that
// bear on interceptors; every other one installs none.
var connectOptions = map[string]connectOpt{
	grpcapi.Connect + ".WithInterceptors":              copInterceptors,
	grpcapi.Connect + ".WithHandlerOptions":            copList,
	grpcapi.Connect + ".WithOptions":                   copList,
	grpcapi.Connect + ".WithRequestGate":               copGate,
	grpcapi.Connect + ".WithConditionalHandlerOptions": copUnknown,
}

// connectState is a run's memo of Connect summaries.
type connectState struct {
	funcs    map[*types.Func]*connectFact // nil while in progress
	reported map[string]bool              // rule and position of reported findings
}

func (c *checker) connectMemo() *connectState {
	if c.connect == nil {
		c.connect = &connectState{funcs: make(map[*types.Func]*connectFact), reported: make(map[string]bool)}
	}
	return c.connect
}

// isConnectOption reports whether t is connect.HandlerOption or
// connect.Option.
func isConnectOption(t types.Type) bool {
	return lintutil.IsNamed(t, grpcapi.Connect, "HandlerOption", false) || lintutil.IsNamed(t, grpcapi.Connect, "Option", false)
}

// connectCallOptions returns the options call, of package connect,
// gives.
func (c *checker) connectCallOptions(call *ast.CallExpr, key string, depth int) []Opt {
	switch connectOptions[key] {
	case copInterceptors:
		if call.Ellipsis.IsValid() {
			return unknown(call)
		}
		var out []Opt
		for _, a := range call.Args {
			o := Opt{pos: a.Pos(), end: a.End()}
			name, kind, auth := c.connectInterceptor(a, 0)
			switch kind {
			case icptUnknown:
				o.Kind = optUnknown
			case icptAll:
				o.Kind = optChainStream
			case icptUnary:
				o.Kind = optChainUnary
				if auth {
					o.Auth = name
				}
			}
			out = append(out, o)
		}
		return out
	case copList:
		var out []Opt
		for _, a := range call.Args {
			out = append(out, c.optionsOf(a, call.Pos(), depth+1)...)
		}
		return out
	case copGate:
		return []Opt{{Kind: optChainStream, pos: call.Pos(), end: call.End()}}
	case copUnknown:
		return unknown(call)
	}
	if t := c.info.TypeOf(call); t != nil && isOptionType(t) {
		return []Opt{{Kind: optOther, pos: call.Pos(), end: call.End()}}
	}
	return unknown(call)
}

// connectInterceptor judges a connect.Interceptor expression: which
// halves it wraps, whether its unary half authenticates, and its name
// for messages.
func (c *checker) connectInterceptor(e ast.Expr, depth int) (name string, kind icptKind, auth bool) {
	e = ast.Unparen(e)
	name = exprName(e)
	if call, ok := e.(*ast.CallExpr); ok && !c.info.Types[call.Fun].IsType() {
		name = exprName(call.Fun) + "(...)"
	}
	if depth > 6 {
		return name, icptUnknown, false
	}
	t := c.info.TypeOf(e)
	if t == nil {
		return name, icptUnknown, false
	}
	sig, _ := types.Unalias(t).Underlying().(*types.Signature)
	if lintutil.IsNamed(t, grpcapi.Connect, "UnaryInterceptorFunc", false) || isWrapUnary(sig) {
		return name, icptUnary, c.unaryFuncAuth(e, depth)
	}
	if !types.IsInterface(t) {
		kind, auth = c.interceptorType(t)
		return name, kind, auth
	}
	// An interface: what the value is.
	switch x := e.(type) {
	case *ast.CallExpr:
		if tv := c.info.Types[x.Fun]; tv.IsType() && len(x.Args) == 1 {
			_, kind, auth = c.connectInterceptor(x.Args[0], depth+1)
			return name, kind, auth
		}
		if fn := lintutil.Callee(c.info, x); fn != nil {
			if f := c.connectFunc(fn); f != nil {
				return name, f.Kind, f.Auth
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		if v := c.varOf(x); v != nil && v.Pkg() == c.pass.Pkg {
			if rhs, idx, ok := c.singleValue(v); ok && idx < 0 {
				_, kind, auth = c.connectInterceptor(rhs, depth+1)
				return name, kind, auth
			}
		}
	}
	return name, icptUnknown, false
}

// unaryFuncAuth reports whether the connect.UnaryInterceptorFunc value
// e authenticates.
func (c *checker) unaryFuncAuth(e ast.Expr, depth int) bool {
	if depth > 6 {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return c.wrapUnaryAuth(x.Type, x.Body)
	case *ast.CallExpr:
		if tv := c.info.Types[x.Fun]; tv.IsType() && len(x.Args) == 1 {
			return c.unaryFuncAuth(x.Args[0], depth+1)
		}
		if fn := lintutil.Callee(c.info, x); fn != nil {
			f := c.connectFunc(fn)
			return f != nil && f.Auth
		}
	case *ast.Ident, *ast.SelectorExpr:
		var obj types.Object
		if id, ok := x.(*ast.Ident); ok {
			obj = c.info.Uses[id]
		} else {
			obj = c.info.Uses[x.(*ast.SelectorExpr).Sel]
		}
		switch o := obj.(type) {
		case *types.Func:
			f := c.connectFunc(o)
			return f != nil && f.Auth
		case *types.Var:
			if o.Pkg() == c.pass.Pkg {
				if rhs, idx, ok := c.singleValue(o); ok && idx < 0 {
					return c.unaryFuncAuth(rhs, depth+1)
				}
			}
		}
	}
	return false
}

// isWrapUnary reports whether sig is func(connect.UnaryFunc)
// connect.UnaryFunc.
func isWrapUnary(sig *types.Signature) bool {
	return sig != nil && sig.Params().Len() == 1 && sig.Results().Len() == 1 &&
		lintutil.IsNamed(sig.Params().At(0).Type(), grpcapi.Connect, "UnaryFunc", false) &&
		lintutil.IsNamed(sig.Results().At(0).Type(), grpcapi.Connect, "UnaryFunc", false)
}

// isConnectInterceptorType reports whether t is or implements
// connect.Interceptor.
func isConnectInterceptorType(t types.Type) bool {
	if lintutil.IsNamed(t, grpcapi.Connect, "Interceptor", false) {
		return true
	}
	if t == nil {
		return false
	}
	_, _, ok := interceptorMethods(t)
	return ok
}

// interceptorMethods returns t's WrapUnary and WrapStreamingHandler
// methods when t has all three methods of connect.Interceptor.
func interceptorMethods(t types.Type) (unary, streaming *types.Func, ok bool) {
	ms := types.NewMethodSet(t)
	if _, isPtr := t.(*types.Pointer); !isPtr && !types.IsInterface(t) {
		ms = types.NewMethodSet(types.NewPointer(t))
	}
	find := func(name string) *types.Func {
		for i := 0; i < ms.Len(); i++ {
			if fn, ok := ms.At(i).Obj().(*types.Func); ok && fn.Name() == name {
				return fn
			}
		}
		return nil
	}
	unary, streaming = find("WrapUnary"), find("WrapStreamingHandler")
	if unary == nil || streaming == nil || find("WrapStreamingClient") == nil {
		return nil, nil, false
	}
	return unary, streaming, isWrapUnary(unary.Signature())
}

// interceptorType judges an interceptor of the concrete type t by its
// methods.
func (c *checker) interceptorType(t types.Type) (icptKind, bool) {
	unary, streaming, ok := interceptorMethods(t)
	if !ok {
		return icptUnknown, false
	}
	s := c.connectFunc(streaming)
	if s == nil || !s.Passthrough {
		return icptAll, false
	}
	u := c.connectFunc(unary)
	return icptUnary, u != nil && u.Auth
}

// connectFunc summarizes fn (nil when it is none of the functions
// connectFact describes, or unknown).
func (c *checker) connectFunc(fn *types.Func) *connectFact {
	fn = fn.Origin()
	m := c.connectMemo()
	if f, done := m.funcs[fn]; done {
		return f
	}
	decl := c.decls[fn]
	if decl == nil {
		if fn.Pkg() == c.pass.Pkg {
			return nil
		}
		f := new(connectFact)
		if !c.pass.ImportObjectFact(fn, f) {
			return nil
		}
		return f
	}
	m.funcs[fn] = nil // recursion: unknown
	f := c.connectDecl(fn, decl)
	m.funcs[fn] = f
	return f
}

// connectDecl summarizes a function of this package.
func (c *checker) connectDecl(fn *types.Func, decl *ast.FuncDecl) *connectFact {
	sig := fn.Signature()
	switch {
	case sig.Recv() != nil && fn.Name() == "WrapStreamingHandler":
		return &connectFact{Passthrough: returnsParam(c.info, decl.Type, decl.Body)}
	case isWrapUnary(sig):
		// WrapUnary, or a function given to UnaryInterceptorFunc.
		return &connectFact{Kind: icptUnary, Auth: c.wrapUnaryAuth(decl.Type, decl.Body)}
	}
	r := -1
	for i := 0; i < sig.Results().Len(); i++ {
		if isConnectInterceptorType(sig.Results().At(i).Type()) {
			r = i
			break
		}
	}
	if r < 0 {
		return nil
	}
	f := &connectFact{}
	first := true
	for _, ret := range returnStmts(decl.Body) {
		if len(ret.Results) != sig.Results().Len() {
			return nil
		}
		res := ret.Results[r]
		if id, ok := ast.Unparen(res).(*ast.Ident); ok && id.Name == "nil" {
			continue
		}
		_, kind, auth := c.connectInterceptor(res, 1)
		if first {
			f.Kind = kind
			first = false
		} else if f.Kind != kind {
			f.Kind = icptUnknown
		}
		f.Auth = f.Auth || auth
	}
	if first {
		return nil
	}
	return f
}

// returnsParam reports whether body is exactly "return p", p the
// function's first parameter: a WrapStreamingHandler that wraps nothing.
func returnsParam(info *types.Info, ft *ast.FuncType, body *ast.BlockStmt) bool {
	if len(body.List) != 1 || ft.Params == nil || len(ft.Params.List) == 0 || len(ft.Params.List[0].Names) == 0 {
		return false
	}
	ret, ok := body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return false
	}
	id, ok := ast.Unparen(ret.Results[0]).(*ast.Ident)
	p := info.Defs[ft.Params.List[0].Names[0]]
	return ok && p != nil && info.Uses[id] == p
}

// wrapUnaryAuth reports whether a func(next connect.UnaryFunc)
// connect.UnaryFunc returns a function that authenticates before it
// calls next.
func (c *checker) wrapUnaryAuth(ft *ast.FuncType, body *ast.BlockStmt) bool {
	var next types.Object
	if ft.Params != nil && len(ft.Params.List) == 1 && len(ft.Params.List[0].Names) == 1 {
		next = c.info.Defs[ft.Params.List[0].Names[0]]
	}
	for _, res := range returnedExprs(body, 1) {
		res = ast.Unparen(res)
		if call, ok := res.(*ast.CallExpr); ok && len(call.Args) == 1 && c.info.Types[call.Fun].IsType() {
			res = ast.Unparen(call.Args[0]) // connect.UnaryFunc(func(...) ...)
		}
		lit, ok := res.(*ast.FuncLit)
		if !ok {
			continue
		}
		limit := lit.Body.End()
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			if ifs, ok := n.(*ast.IfStmt); ok && c.isClientCond(ifs.Cond) {
				return false // an interceptor for clients and handlers: the client branch
			}
			if call, ok := n.(*ast.CallExpr); ok && call.Pos() < limit && next != nil {
				if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && c.info.Uses[id] == next {
					limit = call.Pos()
				}
			}
			return true
		})
		if c.checksUntil(lit.Body, limit) {
			return true
		}
	}
	return false
}

// isClientCond reports whether cond is req.Spec().IsClient: the
// branch of an interceptor shared by clients and handlers that runs on
// clients.
func (c *checker) isClientCond(cond ast.Expr) bool {
	sel, ok := ast.Unparen(cond).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "IsClient" && lintutil.IsNamed(c.info.TypeOf(sel.X), grpcapi.Connect, "Spec", false)
}

// exportConnectFacts exports connectFact for this package's functions
// that return Connect interceptors or are parts of one.
func (c *checker) exportConnectFacts() {
	for _, fn := range c.order {
		if f := c.connectFunc(fn); f != nil && (f.Kind != icptUnknown || f.Auth || f.Passthrough) {
			c.pass.ExportObjectFact(fn, f)
		}
	}
}

// connectServed drops from streams the methods that the implementation
// impl, when its concrete type is known, takes from an embedded
// generated UnimplementedXHandler (they answer CodeUnimplemented).
func (c *checker) connectServed(impl ast.Expr, streams []string) []string {
	t := c.info.TypeOf(impl)
	if t == nil || types.IsInterface(t) {
		return streams
	}
	var out []string
	for _, m := range streams {
		obj, _, _ := types.LookupFieldOrMethod(t, true, c.pass.Pkg, m)
		if fn, ok := obj.(*types.Func); ok && grpcapi.IsConnectUnimplemented(fn) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// connectAPIKeys lists the API table keys of the Connect rules.
func connectAPIKeys() []string {
	keys := []string{muxHandle, serverHandler}
	for k := range connectOptions {
		keys = append(keys, k)
	}
	for k := range httpServe {
		keys = append(keys, k)
	}
	for k := range httpPassOn {
		keys = append(keys, k)
	}
	return keys
}
