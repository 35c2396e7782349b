package dialcreds

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

func (fs *funcState) eval(e ast.Expr) val {
	info := fs.c.pass.TypesInfo
	switch e := e.(type) {
	case nil:
		return unknownVal
	case *ast.ParenExpr:
		return fs.eval(e.X)
	case *ast.Ident:
		switch obj := info.Uses[e].(type) {
		case *types.Var:
			return fs.lookup(obj)
		case *types.Nil:
			return emptyVal
		}
		return fs.byType(e)
	case *ast.SelectorExpr:
		if sel := info.Selections[e]; sel == nil {
			// Qualified identifier.
			if v, ok := info.Uses[e.Sel].(*types.Var); ok {
				return fs.lookup(v)
			}
			return fs.byType(e)
		}
		fs.eval(e.X)
		return fs.byType(e)
	case *ast.CompositeLit:
		t := info.TypeOf(e)
		if t != nil && grpcapi.IsTLSConfig(t) {
			for _, el := range e.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					fs.eval(kv.Value)
				}
			}
			return tlsConfLit(e)
		}
		if t != nil {
			if sl, ok := t.Underlying().(*types.Slice); ok && isTracked(sl.Elem()) {
				x := emptyVal
				for _, el := range e.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						el = kv.Value
					}
					x = concat(x, fs.eval(el))
				}
				return x
			}
		}
		for _, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			fs.eval(el)
		}
		return fs.byType(e)
	case *ast.UnaryExpr:
		x := fs.eval(e.X)
		if e.Op == token.AND {
			if grpcapi.IsTLSConfig(info.TypeOf(e.X)) {
				return x
			}
			return fs.byType(e)
		}
		return unknownVal
	case *ast.CallExpr:
		return fs.call(e)
	case *ast.FuncLit:
		g := fs.c.newFunc(nil, e)
		g.body = e.Body
		g.skip = fs.skip
		g.walk(e.Body)
		return unknownVal
	case *ast.BinaryExpr:
		fs.eval(e.X)
		fs.eval(e.Y)
	case *ast.IndexExpr:
		fs.eval(e.X)
		fs.eval(e.Index)
	case *ast.IndexListExpr:
		fs.eval(e.X)
	case *ast.SliceExpr:
		x := fs.eval(e.X)
		fs.eval(e.Low)
		fs.eval(e.High)
		if e.Low == nil && e.High == nil {
			return x
		}
	case *ast.StarExpr:
		fs.eval(e.X)
	case *ast.TypeAssertExpr:
		fs.eval(e.X)
	case *ast.KeyValueExpr:
		fs.eval(e.Value)
	}
	return unknownVal
}

// byType classifies a value by its static type: a concrete type whose
// RequireTransportSecurity is known to return true.
func (fs *funcState) byType(e ast.Expr) val {
	t := fs.c.pass.TypesInfo.TypeOf(e)
	if name, ok := fs.tlsCredsType(t); ok {
		return val{{b: bTLSCreds, credName: name, credAt: e.Pos()}}
	}
	return unknownVal
}

func (fs *funcState) tlsCredsType(t types.Type) (string, bool) {
	if t == nil || types.IsInterface(t) {
		return "", false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "RequireTransportSecurity")
	m, ok := obj.(*types.Func)
	if !ok {
		return "", false
	}
	if !tlsCredsPkgs[lintutil.PkgPath(m.Pkg())] && !fs.c.pass.ImportObjectFact(m.Origin(), new(requiresTLSFact)) {
		return "", false
	}
	return types.TypeString(t, func(p *types.Package) string { return p.Name() }), true
}

func (fs *funcState) call(call *ast.CallExpr) val {
	info := fs.c.pass.TypesInfo
	// Conversions: []grpc.DialOption(x).
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) != 1 {
			return unknownVal
		}
		x := fs.eval(call.Args[0])
		if name, ok := fs.tlsCredsType(tv.Type); ok {
			return val{{b: bTLSCreds, credName: name, credAt: call.Pos()}}
		}
		return x
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			args := fs.evalArgs(call)
			switch {
			case b.Name() == "append" && len(args) > 0:
				x := args[0]
				for _, a := range args[1:] {
					x = concat(x, a)
				}
				return x
			case b.Name() == "make" && len(call.Args) >= 2:
				// make([]grpc.DialOption, 0, n) holds no options; nil
				// elements of a longer slice are there to be filled.
				if tv := info.Types[call.Args[1]]; tv.Value != nil && tv.Value.String() == "0" {
					return emptyVal
				}
			}
			return unknownVal
		}
	}
	var recv val
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		if info.Selections[f] != nil {
			recv = fs.eval(f.X)
		}
	case *ast.Ident:
	default:
		fs.eval(f)
	}
	args := fs.evalArgs(call)
	fn := lintutil.Callee(info, call)
	if fn == nil {
		return unknownVal
	}
	key := lintutil.FuncKey(fn)
	sig := fn.Type().(*types.Signature)
	if !arityOK(sig, call) {
		return unknownVal // a type error: judge nothing
	}
	if recv != nil && grpcapi.IsStreamingCall(sig) {
		fs.streamCall(call, fn, sig, recv, args)
	}
	if a, ok := apis[key]; ok {
		return fs.apply(call, a, recv, args)
	}
	if sig.Recv() == nil && lintutil.PkgPath(fn.Pkg()) == grpcapi.GRPC && sig.Results().Len() == 1 {
		// Other options of package grpc (WithBlock, WithUserAgent,
		// MaxCallRecvMsgSize, ...) carry no credentials.
		if t := sig.Results().At(0).Type(); lintutil.IsNamed(t, grpcapi.GRPC, "DialOption", false) || lintutil.IsNamed(t, grpcapi.GRPC, "CallOption", false) {
			return emptyVal
		}
	}
	// Call options on a connection or a client built from one.
	if recv != nil && sig.Variadic() {
		if last, ok := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice); ok && lintutil.IsNamed(last.Elem(), grpcapi.GRPC, "CallOption", false) {
			fs.rpc(call, recv, argVal(sig, call, args, sig.Params().Len()-1), args[min(sig.Params().Len()-1, len(args)):])
		}
	}
	// Same-package functions: the walk's own summary.
	if fn.Pkg() == fs.c.pass.Pkg {
		if d := fs.c.decls[fn]; d != nil {
			res := fs.c.funcDecl(d)
			if res == nil {
				return unknownVal
			}
			if res.dialer != nil {
				fs.wrapperDial(call, res.dialer, sig, args)
			}
			for i, uses := range res.streams {
				fs.useForStreams(argVal(sig, call, args, i), uses)
			}
			if res.ret != nil {
				return fs.instantiate(res.ret, sig, call, args)
			}
			return fs.clientOf(call, sig)
		}
		return fs.clientOf(call, sig)
	}
	var cf tlsCredsFact
	if fs.c.pass.ImportObjectFact(fn, &cf) {
		return val{{b: bTLSCreds, credName: cf.Name, credAt: call.Pos()}}
	}
	var df dialerFact
	if fs.c.pass.ImportObjectFact(fn, &df) {
		fs.wrapperDial(call, &df, sig, args)
	}
	var of optsFact
	if fs.c.pass.ImportObjectFact(fn, &of) {
		return fs.instantiate(of.Summary.val("the options of "+lintutil.FuncName(fn, nil), call.Pos()), sig, call, args)
	}
	return fs.clientOf(call, sig)
}

// clientOf is the value of a call with no summary: a generated client
// constructor (one *grpc.ClientConn or ClientConnInterface argument)
// carries its connection's value; anything else is unknown or classified
// by type.
func (fs *funcState) clientOf(call *ast.CallExpr, sig *types.Signature) val {
	if sig.Params().Len() == 1 && len(call.Args) == 1 && sig.Results().Len() == 1 {
		t := sig.Params().At(0).Type()
		if lintutil.IsNamed(t, grpcapi.GRPC, "ClientConn", true) || lintutil.IsNamed(t, grpcapi.GRPC, "ClientConnInterface", false) {
			return fs.eval(call.Args[0])
		}
	}
	if sig.Results().Len() == 1 {
		return fs.byType(call)
	}
	return unknownVal
}

// evalArgs evaluates every argument; a variadic list not spread is kept
// per argument.
func (fs *funcState) evalArgs(call *ast.CallExpr) []val {
	out := make([]val, len(call.Args))
	for i, a := range call.Args {
		out[i] = fs.eval(a)
	}
	return out
}

// argVal is the value a call gives parameter i.
func argVal(sig *types.Signature, call *ast.CallExpr, args []val, i int) val {
	n := sig.Params().Len()
	if sig.Variadic() && i == n-1 {
		if call.Ellipsis.IsValid() {
			if i < len(args) {
				return args[i]
			}
			return unknownVal
		}
		x := emptyVal
		for _, a := range args[min(i, len(args)):] {
			x = concat(x, a)
		}
		return x
	}
	if i < len(args) {
		return args[i]
	}
	return unknownVal
}

// instantiate replaces the parameter markers of a summary by the
// arguments of the call.
func (fs *funcState) instantiate(v val, sig *types.Signature, call *ast.CallExpr, args []val) val {
	var out val
	for _, a := range v {
		if a.param == 0 {
			out = join(out, val{a})
			continue
		}
		p := a.param - 1
		a.param = 0
		out = join(out, concat(val{a}, argVal(sig, call, args, p)))
	}
	if out == nil {
		return unknownVal
	}
	return out
}

func (fs *funcState) apply(call *ast.CallExpr, a api, recv val, args []val) val {
	arg := func(i int) val {
		if i < len(args) {
			return args[i]
		}
		return unknownVal
	}
	switch a.op {
	case opDial:
		sig := lintutil.Callee(fs.c.pass.TypesInfo, call).Type().(*types.Signature)
		opts := argVal(sig, call, args, sig.Params().Len()-1)
		var ctx val
		if a.ctx >= 0 {
			ctx = arg(a.ctx)
		}
		var target ast.Expr
		if a.target < len(call.Args) {
			target = call.Args[a.target]
		}
		fs.dial(call, a.name, opts, target, ctx, a.ctx, false)
		fs.noteDialer(call, a.name, opts, target, false)
		return opts
	case opPerRPC:
		return mapAlts(arg(0), func(x alt) alt {
			r := alt{b: bAuth}
			if x.b&bTLSCreds != 0 {
				r.credName, r.credVia, r.credAt = x.credName, viaDialOpt, x.credAt
			}
			return r
		})
	case opCallCreds:
		return mapAlts(arg(0), func(x alt) alt {
			r := alt{b: bAuth}
			if x.b&bTLSCreds != 0 {
				r.credName, r.credVia, r.credAt = x.credName, viaCallOpt, x.credAt
			}
			return r
		})
	case opDefaultCall:
		x := emptyVal
		for _, y := range args {
			x = concat(x, y)
		}
		return mapAlts(x, func(a alt) alt {
			if a.credVia == viaCallOpt {
				a.credVia = viaDefault
			}
			return a
		})
	case opBundle:
		return mapAlts(arg(0), func(x alt) alt {
			if x.b&bInsecure != 0 {
				return x
			}
			return alt{b: bAuth | bSecure}
		})
	case opInterceptor:
		return fs.interceptorOption(call, a.name)
	case opTransport:
		return arg(0)
	case opWithInsecure, opInsecureTC, opInsecureBnd:
		return val{{b: bInsecure, insecWhat: a.name, insecCond: fs.cond, insecAt: call.Pos()}}
	case opDialer:
		if len(call.Args) == 1 && fs.localDialer(call.Args[0]) {
			return val{{b: bLocal}}
		}
		return emptyVal
	case opServerTLS:
		return val{{b: bSecure}}
	case opNewTLS:
		return mapAlts(arg(0), func(x alt) alt {
			if x.b&bUnknown != 0 || x.param != 0 {
				return alt{b: bSecure | bUnknown}
			}
			return alt{b: bSecure | x.b&bAuth}
		})
	case opAuthBundle:
		return val{{b: bSecure | bAuth, credName: a.name + " bundle's per-RPC", credAt: call.Pos()}}
	case opBundleCreds:
		if recv == nil {
			return unknownVal
		}
		return mapAlts(recv, func(x alt) alt {
			if x.b&bAuth != 0 && x.credName != "" {
				return alt{b: bTLSCreds, credName: x.credName, credAt: x.credAt}
			}
			return alt{b: bUnknown}
		})
	case opClientAuthTC:
		return val{{b: bSecure | bAuth}}
	case opLocalTC:
		return val{{b: bSecure | bLocal}}
	case opTLSCreds:
		return val{{b: bTLSCreds, credName: a.name, credAt: call.Pos()}}
	case opOutgoingMD:
		return val{{b: bMeta, metaAt: call.Pos()}}
	case opCtxDerive:
		return arg(0)
	case opCtxRoot:
		return val{{b: bCtxPlain}}
	}
	return unknownVal
}

// arityOK reports whether the call's arguments fit the signature (code
// with type errors is not judged).
func arityOK(sig *types.Signature, call *ast.CallExpr) bool {
	n := sig.Params().Len()
	switch {
	case call.Ellipsis.IsValid():
		return len(call.Args) == n
	case sig.Variadic():
		return len(call.Args) >= n-1
	}
	return len(call.Args) == n
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// tlsConfLit is the value of a tls.Config literal: one with client
// certificates authenticates the client.
func tlsConfLit(lit *ast.CompositeLit) val {
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			return unknownVal
		}
		if id := identOf(kv.Key); id != nil && clientCertField(id.Name) {
			return val{{b: bTLSConf | bAuth}}
		}
	}
	return val{{b: bTLSConf}}
}

// localDialer reports whether a dialer is local by construction: it
// refers to a bufconn listener, or dials the "unix" network through
// package net, directly or through a function of this package.
func (fs *funcState) localDialer(e ast.Expr) bool {
	info := fs.c.pass.TypesInfo
	found := false
	seen := map[*ast.FuncDecl]bool{}
	var visit func(n ast.Node)
	visit = func(n ast.Node) {
		ast.Inspect(n, func(x ast.Node) bool {
			if found {
				return false
			}
			if call, ok := x.(*ast.CallExpr); ok {
				if fn := lintutil.Callee(info, call); fn != nil && lintutil.PkgPath(fn.Pkg()) == "net" {
					for _, a := range call.Args {
						if s, ok := lintutil.ConstString(info, a); ok && strings.HasPrefix(s, "unix") {
							found = true
							return false
						}
					}
				}
				return true
			}
			id, ok := x.(*ast.Ident)
			if !ok {
				return true
			}
			obj := info.Uses[id]
			if obj == nil {
				return true
			}
			if lintutil.PkgPath(obj.Pkg()) == bufconnPath || lintutil.IsNamed(obj.Type(), bufconnPath, "Listener", true) {
				found = true
				return false
			}
			if fn, ok := obj.(*types.Func); ok {
				if d := fs.c.decls[fn]; d != nil && !seen[d] {
					seen[d] = true
					visit(d.Body)
				}
			}
			return true
		})
	}
	visit(e)
	return found
}
