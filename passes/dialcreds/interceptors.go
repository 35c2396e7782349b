package dialcreds

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// What a client interceptor does. An interceptor counts as credentials
// for its own half only (the unary or the stream RPCs of a connection):
// kTok when its body, seen here or through an interceptorFact, adds a
// token (auth metadata on the outgoing context, a grpc.PerRPCCredentials
// call option), kPlain when it passes its context and call options on
// unchanged and gives them to nothing else (no credentials at all), and
// kMaybe for anything else, including every interceptor that cannot be
// seen (parameters, fields, function values, other packages without a
// fact), which may add credentials.

// interceptorFact summarises a client interceptor function of another
// package (Kind), or a function returning one (Returns), when it is
// seen to add a token or to touch nothing; a function without a fact
// may add credentials.
type interceptorFact struct {
	Kind    uint8 // the interceptor's ikind, or 0
	Returns uint8 // the ikind of the interceptor the function returns, or 0
}

func (*interceptorFact) AFact() {}
func (f *interceptorFact) String() string {
	name := func(k uint8) string {
		switch ikind(k) {
		case kPlain:
			return "plain"
		case kTok:
			return "token"
		}
		return "maybe"
	}
	var parts []string
	if f.Kind != 0 {
		parts = append(parts, name(f.Kind))
	}
	if f.Returns != 0 {
		parts = append(parts, "returns "+name(f.Returns))
	}
	return "interceptor(" + strings.Join(parts, ", ") + ")"
}

// exportInterceptors exports an interceptorFact for every client
// interceptor function of the package, and every function returning
// one, that is seen to add a token or to touch nothing.
func (c *checker) exportInterceptors() {
	for fn := range c.decls {
		sig := fn.Type().(*types.Signature)
		var f interceptorFact
		if grpcapi.ClientInterceptor(sig) != 0 {
			if k := c.funcKind(fn); k == kPlain || k == kTok {
				f.Kind = uint8(k)
			}
		}
		if interceptorResult(sig) >= 0 {
			if k := c.funcReturnsKind(fn); k == kPlain || k == kTok {
				f.Returns = uint8(k)
			}
		}
		if f != (interceptorFact{}) {
			c.pass.ExportObjectFact(fn, &f)
		}
	}
}

// interceptorResult is the index of sig's first client interceptor
// result, or -1.
func interceptorResult(sig *types.Signature) int {
	for i := 0; i < sig.Results().Len(); i++ {
		if fsig, ok := types.Unalias(sig.Results().At(i).Type()).Underlying().(*types.Signature); ok && grpcapi.ClientInterceptor(fsig) != 0 {
			return i
		}
	}
	return -1
}

// interceptorOption is the value of a client interceptor option
// (WithUnaryInterceptor and the others, named name).
func (fs *funcState) interceptorOption(call *ast.CallExpr, name string) val {
	if len(call.Args) == 0 {
		return emptyVal
	}
	if len(call.Args) == 1 {
		if _, ok := fs.c.pass.TypesInfo.Uses[identOf(call.Args[0])].(*types.Nil); ok {
			return emptyVal
		}
	}
	var h half
	if strings.Contains(name, "Chain") {
		for _, arg := range call.Args {
			k := kMaybe
			if !call.Ellipsis.IsValid() {
				k = fs.c.icptKind(arg, fs.body, 0)
			}
			if k == kTok && !h.chainTok {
				h.chainTok, h.chainTokAt = true, call.Pos()
			}
			h.chainMay = h.chainMay || k >= kTok
		}
	} else {
		h.set, h.setAt = fs.c.icptKind(call.Args[0], fs.body, 0), call.Pos()
	}
	var a alt
	if strings.Contains(name, "Stream") {
		a.str = h
	} else {
		a.uni = h
	}
	return val{a}
}

// icptKind judges the interceptor expression e; body is the function
// it appears in, whose locals defined once are followed.
func (c *checker) icptKind(e ast.Expr, body *ast.BlockStmt, depth int) ikind {
	if depth > 4 {
		return kMaybe
	}
	info := c.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		sig, _ := info.TypeOf(x).(*types.Signature)
		return c.bodyKind(sig, x.Body)
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() {
			if len(x.Args) == 1 {
				return c.icptKind(x.Args[0], body, depth+1) // grpc.UnaryClientInterceptor(f)
			}
			return kMaybe
		}
		if fn := lintutil.Callee(info, x); fn != nil {
			return c.funcReturnsKind(fn)
		}
	case *ast.Ident, *ast.SelectorExpr:
		var obj types.Object
		if id, ok := x.(*ast.Ident); ok {
			obj = info.Uses[id]
		} else {
			obj = info.Uses[x.(*ast.SelectorExpr).Sel]
		}
		switch o := obj.(type) {
		case *types.Func:
			return c.funcKind(o)
		case *types.Var:
			if o.Parent() == c.pass.Pkg.Scope() {
				if spec := c.pkgVars[o]; spec != nil && !c.assigned[o] && len(spec.Values) == len(spec.Names) {
					for i, n := range spec.Names {
						if info.Defs[n] == o {
							return c.icptKind(spec.Values[i], nil, depth+1)
						}
					}
				}
				return kMaybe
			}
			if rhs := c.localDef(o, body); rhs != nil {
				return c.icptKind(rhs, body, depth+1)
			}
		}
	}
	return kMaybe
}

// localDef is the expression a local variable is given when body
// assigns it exactly once (its definition), or nil.
func (c *checker) localDef(v *types.Var, body *ast.BlockStmt) ast.Expr {
	if body == nil || c.escaped[v] || v.Pos() < body.Pos() || v.Pos() >= body.End() {
		return nil
	}
	info := c.pass.TypesInfo
	var rhs ast.Expr
	n := 0
	ast.Inspect(body, func(node ast.Node) bool {
		switch s := node.(type) {
		case *ast.AssignStmt:
			for i, l := range s.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && info.ObjectOf(id) == v {
					n++
					if len(s.Lhs) == len(s.Rhs) {
						rhs = s.Rhs[i]
					} else {
						n++
					}
				}
			}
		case *ast.ValueSpec:
			for i, id := range s.Names {
				if info.Defs[id] == v {
					n++
					if len(s.Names) == len(s.Values) {
						rhs = s.Values[i]
					} else {
						n++
					}
				}
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{s.Key, s.Value} {
				if id, ok := e.(*ast.Ident); ok && info.ObjectOf(id) == v {
					n += 2
				}
			}
		}
		return true
	})
	if n != 1 {
		return nil
	}
	return rhs
}

// funcKind judges the client interceptor function fn.
func (c *checker) funcKind(fn *types.Func) ikind {
	fn = fn.Origin()
	if k, ok := c.icptMemo[fn]; ok {
		return k
	}
	if d := c.decls[fn]; d != nil {
		c.icptMemo[fn] = kMaybe // recursion
		k := c.bodyKind(fn.Type().(*types.Signature), d.Body)
		c.icptMemo[fn] = k
		return k
	}
	var f interceptorFact
	if fn.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(fn, &f) && f.Kind != 0 {
		return ikind(f.Kind)
	}
	return kMaybe
}

// funcReturnsKind judges the client interceptor a call of fn returns:
// the kind every return statement agrees on, else kMaybe.
func (c *checker) funcReturnsKind(fn *types.Func) ikind {
	fn = fn.Origin()
	if k, ok := c.retMemo[fn]; ok {
		return k
	}
	sig := fn.Type().(*types.Signature)
	r := interceptorResult(sig)
	if r < 0 {
		return kMaybe
	}
	d := c.decls[fn]
	if d == nil {
		var f interceptorFact
		if fn.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(fn, &f) && f.Returns != 0 {
			return ikind(f.Returns)
		}
		return kMaybe
	}
	c.retMemo[fn] = kMaybe // recursion
	k := kNone
	ast.Inspect(d.Body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			rk := kMaybe
			if len(x.Results) == sig.Results().Len() {
				rk = c.icptKind(x.Results[r], d.Body, 1)
			}
			if k == kNone {
				k = rk
			} else if k != rk {
				k = kMaybe
			}
		}
		return true
	})
	if k == kNone {
		k = kMaybe
	}
	c.retMemo[fn] = k
	return k
}

// bodyKind judges an interceptor body of signature sig: kTok when it
// adds a token, kPlain when it gives its context and call options only
// to its invoker (streamer), unchanged, and calls it at least once.
func (c *checker) bodyKind(sig *types.Signature, body *ast.BlockStmt) ikind {
	if sig == nil || body == nil || grpcapi.ClientInterceptor(sig) == 0 {
		return kMaybe
	}
	if c.addsToken(body, 0) {
		return kTok
	}
	info := c.pass.TypesInfo
	var ctxVar, optsVar, callVar *types.Var
	ps := sig.Params()
	if ps.Len() > 0 && grpcapi.IsContext(ps.At(0).Type()) {
		ctxVar = ps.At(0)
	}
	if sig.Variadic() {
		optsVar = ps.At(ps.Len() - 1)
	}
	for i := 0; i < ps.Len(); i++ {
		t := ps.At(i).Type()
		if lintutil.IsNamed(t, grpcapi.GRPC, "UnaryInvoker", false) || lintutil.IsNamed(t, grpcapi.GRPC, "Streamer", false) {
			callVar = ps.At(i)
		}
	}
	for _, v := range []*types.Var{ctxVar, optsVar, callVar} {
		if v == nil || v.Name() == "" || v.Name() == "_" {
			return kMaybe
		}
	}
	allowed := map[*ast.Ident]bool{}
	calls, ok := 0, true
	ast.Inspect(body, func(n ast.Node) bool {
		call, isCall := n.(*ast.CallExpr)
		if !isCall {
			return ok
		}
		fun := identOf(call.Fun)
		if fun == nil || info.Uses[fun] != callVar {
			return ok
		}
		first, last := identOf(argAt(call, 0)), identOf(argAt(call, len(call.Args)-1))
		if len(call.Args) < 2 || first == nil || last == nil || info.Uses[first] != ctxVar || info.Uses[last] != optsVar || !call.Ellipsis.IsValid() {
			ok = false
			return false
		}
		calls++
		allowed[fun], allowed[first], allowed[last] = true, true, true
		return true
	})
	if !ok || calls == 0 {
		return kMaybe
	}
	plain := true
	ast.Inspect(body, func(n ast.Node) bool {
		if id, isID := n.(*ast.Ident); isID && !allowed[id] {
			if o := info.Uses[id]; o != nil && (o == ctxVar || o == optsVar || o == callVar) {
				plain = false
			}
		}
		return plain
	})
	if plain {
		return kPlain
	}
	return kMaybe
}

// addsToken reports whether body (or a function of the package it
// calls) puts a token on the outgoing metadata ("authorization" in
// AppendToOutgoingContext, metadata.Pairs, metadata.New, an MD literal,
// MD.Set or MD.Append) or builds a grpc.PerRPCCredentials call option.
func (c *checker) addsToken(body *ast.BlockStmt, depth int) bool {
	if body == nil || depth > 3 {
		return false
	}
	info := c.pass.TypesInfo
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch x := n.(type) {
		case *ast.CompositeLit:
			if t := info.TypeOf(x); t != nil && (lintutil.IsNamed(t, grpcapi.Metadata, "MD", false) || isStringMap(t)) {
				for _, e := range x.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok && c.isAuthKey(kv.Key) {
						found = true
					}
				}
			}
		case *ast.CallExpr:
			fn := lintutil.Callee(info, x)
			if fn == nil {
				return true
			}
			switch lintutil.FuncKey(fn) {
			case grpcapi.GRPC + ".PerRPCCredentials":
				found = true
			case grpcapi.Metadata + ".AppendToOutgoingContext":
				for i := 1; i < len(x.Args); i += 2 {
					found = found || c.isAuthKey(x.Args[i])
				}
			case grpcapi.Metadata + ".Pairs":
				for i := 0; i < len(x.Args); i += 2 {
					found = found || c.isAuthKey(x.Args[i])
				}
			case "(" + grpcapi.Metadata + ".MD).Set", "(" + grpcapi.Metadata + ".MD).Append",
				"(net/http.Header).Set", "(net/http.Header).Add": // Connect: req.Header().Set("Authorization", ...)
				found = len(x.Args) > 0 && c.isAuthKey(x.Args[0])
			default:
				if d := c.decls[fn.Origin()]; d != nil && d.Body != body {
					found = c.addsToken(d.Body, depth+1)
				}
			}
		}
		return !found
	})
	return found
}

// isStringMap reports whether t is a map[string]string, the argument of
// metadata.New.
func isStringMap(t types.Type) bool {
	m, ok := t.Underlying().(*types.Map)
	return ok && grpcapi.IsString(m.Key()) && grpcapi.IsString(m.Elem())
}
