package serverauth

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/flow"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// Following server options: direct arguments of grpc.NewServer,
// []grpc.ServerOption slices built in the function (literals and
// appends, under conditions or not), package variables, and helpers
// returning options, in this package or, through optionsFact, another.
// An option from a parameter or any other source is optUnknown, which
// keeps stream-unauthenticated silent.

// isOptionType reports whether t is grpc.ServerOption or a slice of it.
func isOptionType(t types.Type) bool {
	if t == nil {
		return false
	}
	if s, ok := types.Unalias(t).(*types.Slice); ok {
		t = s.Elem()
	}
	return lintutil.IsNamed(t, grpcapi.GRPC, "ServerOption", false) || isConnectOption(t)
}

// optionResult returns the index of sig's first option result, or -1.
func optionResult(sig *types.Signature) int {
	for i := 0; i < sig.Results().Len(); i++ {
		if isOptionType(sig.Results().At(i).Type()) {
			return i
		}
	}
	return -1
}

func unknown(n ast.Node) []Opt {
	return []Opt{{Kind: optUnknown, pos: n.Pos(), end: n.End()}}
}

// at places opts without a position of this package at n.
func at(opts []Opt, n ast.Node) []Opt {
	out := make([]Opt, len(opts))
	for i, o := range opts {
		if !o.pos.IsValid() {
			o.pos, o.end = n.Pos(), n.End()
		}
		out[i] = o
	}
	return out
}

// maybe marks opts as given on some paths only, under conditions the
// pass does not name.
func maybe(opts []Opt) []Opt {
	for i := range opts {
		opts[i].Maybe = true
		opts[i].cond = optCond{}
	}
	return opts
}

// maybeWhen marks opts as given when cond holds; those already given
// on some paths only are given under conditions the pass does not name.
func maybeWhen(opts []Opt, cond optCond) {
	for i := range opts {
		if opts[i].Maybe {
			opts[i].cond = optCond{}
			continue
		}
		opts[i].Maybe = true
		opts[i].cond = cond
	}
}

// optionsOf returns the options expression e (an option or a slice of
// them) gives, used at use.
func (c *checker) optionsOf(e ast.Expr, use token.Pos, depth int) []Opt {
	if depth > 8 {
		return unknown(e)
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.CallExpr:
		return c.callOptions(x, -1, depth)
	case *ast.CompositeLit:
		var out []Opt
		for _, elt := range x.Elts {
			if _, isKV := elt.(*ast.KeyValueExpr); isKV {
				return unknown(x)
			}
			out = append(out, c.optionsOf(elt, use, depth+1)...)
		}
		return out
	case *ast.Ident, *ast.SelectorExpr:
		if id, ok := x.(*ast.Ident); ok && id.Name == "nil" {
			if _, isNil := c.info.Uses[id].(*types.Nil); isNil {
				return nil
			}
		}
		v := c.varOf(x)
		switch {
		case v == nil:
		case isPkgVar(v):
			return at(c.pkgVarOptions(v, depth), x)
		case v.Pkg() == c.pass.Pkg:
			return c.localOptions(v, use, depth)
		}
	}
	return unknown(e)
}

// callOptions returns the options call gives (result idx of a tuple,
// or -1 for a single value).
func (c *checker) callOptions(call *ast.CallExpr, idx int, depth int) []Opt {
	if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() {
		return unknown(call)
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && idx < 0 {
		if b, ok := c.info.Uses[id].(*types.Builtin); ok && b.Name() == "append" && len(call.Args) > 0 {
			out := c.optionsOf(call.Args[0], call.Pos(), depth+1)
			for _, a := range call.Args[1:] { // options, or a spread slice
				out = append(out, c.optionsOf(a, call.Pos(), depth+1)...)
			}
			return out
		}
	}
	fn := lintutil.Callee(c.info, call)
	if fn == nil {
		return unknown(call)
	}
	key := lintutil.FuncKey(fn)
	if lintutil.PkgPath(fn.Pkg()) == grpcapi.Connect && idx < 0 {
		return c.connectCallOptions(call, key, depth)
	}
	if kind, ok := interceptorOptions[key]; ok && idx < 0 {
		o := Opt{Kind: kind, pos: call.Pos(), end: call.End()}
		if kind == optChainUnary || kind == optChainStream {
			if len(call.Args) == 0 {
				return []Opt{{Kind: optOther, pos: call.Pos(), end: call.End()}}
			}
		}
		if kind.unary() {
			o.Seq = c.unarySeq(call)
		}
		if kind.unary() && !call.Ellipsis.IsValid() {
			for _, a := range call.Args {
				if name, ok := c.authInterceptor(a, 0); ok {
					o.Auth = name
					break
				}
			}
		}
		return []Opt{o}
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil {
		return unknown(call)
	}
	r := optionResult(sig)
	if r < 0 || (idx >= 0 && idx != r) || (idx < 0 && sig.Results().Len() != 1) {
		return unknown(call)
	}
	if lintutil.PkgPath(fn.Pkg()) == grpcapi.GRPC {
		return []Opt{{Kind: optOther, pos: call.Pos(), end: call.End()}}
	}
	f := c.funcOptions(fn)
	if f == nil {
		return unknown(call)
	}
	return at(append([]Opt(nil), f.Opts...), call)
}

// funcOptions summarizes the options fn returns, or nil when unknown.
func (c *checker) funcOptions(fn *types.Func) *optionsFact {
	fn = fn.Origin()
	if f, done := c.optMemo[fn]; done {
		return f
	}
	decl := c.decls[fn]
	if decl == nil {
		return importedFact[optionsFact](c, fn)
	}
	c.optMemo[fn] = nil // recursion: unknown
	sig := fn.Type().(*types.Signature)
	r := optionResult(sig)
	if r < 0 {
		return nil
	}
	f := &optionsFact{}
	contributing := 0
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			var opts []Opt
			switch {
			case len(x.Results) == sig.Results().Len():
				opts = c.optionsOf(x.Results[r], x.Pos(), 1)
			case len(x.Results) == 1:
				if call, ok := ast.Unparen(x.Results[0]).(*ast.CallExpr); ok {
					opts = c.callOptions(call, r, 1)
				} else {
					opts = unknown(x)
				}
			default:
				opts = unknown(x) // bare return of named results
			}
			if len(opts) > 0 {
				contributing++
			}
			f.Opts = append(f.Opts, opts...)
		}
		return true
	})
	if contributing > 1 {
		maybe(f.Opts)
	}
	c.optMemo[fn] = f
	return f
}

// pkgVarOptions summarizes the options a package variable holds.
func (c *checker) pkgVarOptions(v *types.Var, depth int) []Opt {
	if v.Pkg() != c.pass.Pkg {
		f := new(optionsFact)
		if !c.pass.ImportObjectFact(v, f) {
			return []Opt{{Kind: optUnknown}}
		}
		return append([]Opt(nil), f.Opts...)
	}
	if f, done := c.optMemo[v]; done {
		if f == nil {
			return []Opt{{Kind: optUnknown}}
		}
		return append([]Opt(nil), f.Opts...)
	}
	c.optMemo[v] = nil
	rhs, idx, ok := c.singleValue(v)
	var opts []Opt
	switch {
	case !ok:
		opts = []Opt{{Kind: optUnknown}}
	case idx >= 0:
		if call, isCall := ast.Unparen(rhs).(*ast.CallExpr); isCall {
			opts = c.callOptions(call, idx, depth+1)
		} else {
			opts = []Opt{{Kind: optUnknown}}
		}
	default:
		opts = c.optionsOf(rhs, rhs.End(), depth+1)
	}
	c.optMemo[v] = &optionsFact{Opts: opts}
	return append([]Opt(nil), opts...)
}

// localOptions follows a local variable's writes before use: a
// definition or assignment gives its value, an append adds to it; a
// write in a block that does not hold use happens on some paths only.
func (c *checker) localOptions(v *types.Var, use token.Pos, depth int) []Opt {
	if !c.definedHere(v) {
		return []Opt{{Kind: optUnknown}} // a parameter
	}
	var out []Opt
	for _, w := range flow.WriteIndex(c.pass).Writes(v) {
		stmt := w.Cur.Node()
		if stmt.Pos() >= use {
			continue
		}
		if w.Zero() {
			continue
		}
		if !w.Valued() {
			return unknown(stmt)
		}
		certain := encloses(w.Cur, use)
		var opts []Opt
		appendTo := false
		if call, ok := ast.Unparen(w.Rhs).(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && w.Tuple < 0 {
				if b, ok := c.info.Uses[id].(*types.Builtin); ok && b.Name() == "append" && len(call.Args) > 0 && c.varOf(call.Args[0]) == v {
					appendTo = true
					for _, a := range call.Args[1:] {
						opts = append(opts, c.optionsOf(a, call.Pos(), depth+1)...)
					}
				}
			}
			if !appendTo && w.Tuple >= 0 {
				opts = c.callOptions(call, w.Tuple, depth+1)
			}
		} else if w.Tuple >= 0 {
			return unknown(stmt)
		}
		if !appendTo && w.Tuple < 0 {
			opts = c.optionsOf(w.Rhs, stmt.Pos(), depth+1)
		}
		if !certain {
			maybeWhen(opts, c.condition(w.Cur, use))
		}
		if !appendTo {
			if certain {
				out = nil // replaced
			} else {
				maybe(out)
			}
		}
		out = append(out, opts...)
	}
	return out
}
