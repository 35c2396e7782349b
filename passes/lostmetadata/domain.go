package lostmetadata

import (
	"go/ast"
	"go/token"
	"go/types"
	"maps"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/flow"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// The pass's domain of the shared statement walker (flow.Walker): what
// each context variable of a function may carry at each point. The walk
// computes; it records the NewOutgoingContext calls with what their
// context carries (replaceSite), and the rules judge them.

// origin is where the outgoing metadata a context may carry comes from.
type origin struct {
	pos token.Pos // the call that added it, or the interceptor's parameter
	by  string    // the function that added it ("AppendToOutgoingContext"), "" for the caller's
}

// caller reports whether the metadata is the caller's: ctx is (derived
// from) a client interceptor's context parameter.
func (o *origin) caller() bool { return o.by == "" }

// val is what the walk knows of a context value.
type val struct {
	kind ctxKind
	org  *origin // for ctxCarries
}

// state maps the context variables of a function to their values at a
// point of the walk; a variable it lacks is unknown.
type state map[*types.Var]val

// joinVal merges the values of a variable on two paths that meet: a
// context that may carry metadata on one of them may carry it after.
func joinVal(x, y val) val {
	switch {
	case x.kind == ctxCarries && y.kind == ctxCarries:
		// Metadata added in the code reads better in messages than
		// the caller's.
		if x.org.caller() && !y.org.caller() {
			return y
		}
		return x
	case x.kind == ctxCarries:
		return x
	case y.kind == ctxCarries:
		return y
	case x.kind == ctxFresh && y.kind == ctxFresh:
		return x
	}
	return val{}
}

// replaceSite is a NewOutgoingContext(ctx, md) call the walk reached,
// with what ctx may carry there.
type replaceSite struct {
	call *ast.CallExpr
	ctx  val
}

// domain follows the contexts of the functions of one top-level
// declaration; function literals are walked where they are written,
// from the state there, as they see their enclosing function's
// variables.
type domain struct {
	c      *checker
	walker *flow.Walker[state]
	lit    int // depth of function literals
	// sites collects the NewOutgoingContext calls reached.
	sites []replaceSite
	// onReturn, when set, is called at each return of the walked
	// declaration itself (not of its function literals).
	onReturn func(ret *ast.ReturnStmt, st state)
}

func (c *checker) newDomain() *domain {
	d := &domain{c: c}
	d.walker = &flow.Walker[state]{Info: c.info, Domain: d}
	return d
}

// decl walks a top-level declaration: a function's body, or the
// function literals of a package-level variable.
func (d *domain) decl(n ast.Node) {
	switch n := n.(type) {
	case *ast.FuncDecl:
		if n.Body == nil {
			return
		}
		var sig *types.Signature
		if fn := d.c.funcOf(n); fn != nil {
			sig, _ = fn.Type().(*types.Signature)
		}
		d.walker.Body(n.Body, entry(sig, state{}))
	case *ast.GenDecl:
		for _, spec := range n.Specs {
			if vs, ok := spec.(*ast.ValueSpec); ok {
				for _, e := range vs.Values {
					d.expr(e, state{})
				}
			}
		}
	}
}

// entry returns the state at the start of a function of signature sig:
// the context parameters of a client interceptor carry the caller's
// metadata; those of other functions cannot be judged.
func entry(sig *types.Signature, st state) state {
	if sig == nil {
		return st
	}
	interceptor := grpcapi.ClientInterceptor(sig) != 0
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if !grpcapi.IsContext(p.Type()) {
			continue
		}
		if interceptor {
			st[p] = val{kind: ctxCarries, org: &origin{pos: p.Pos()}}
		} else {
			delete(st, p)
		}
	}
	return st
}

// Copy, Join, Branch, Eval, Assign, Return and Dead make domain a
// flow.Domain[state].

func (d *domain) Copy(st state) state { return maps.Clone(st) }

func (d *domain) Join(_ state, outs []state) state {
	out := outs[0]
	for _, b := range outs[1:] {
		a := out
		out = make(state, len(a))
		for v, x := range a {
			out[v] = joinVal(x, b[v])
		}
		for v, y := range b {
			if _, ok := a[v]; !ok {
				out[v] = joinVal(val{}, y)
			}
		}
	}
	return out
}

func (d *domain) Branch(state, flow.Cond) {}

func (d *domain) Eval(st state, e ast.Expr, _ flow.Use) { d.expr(e, st) }

func (d *domain) Assign(st state, a flow.Assignment) {
	if a.Tok == token.RANGE {
		// The operand is evaluated; the key and value are unknown.
		for _, e := range a.Lhs {
			if v := d.c.ctxVar(e); v != nil {
				delete(st, v)
			}
		}
		return
	}
	for _, e := range a.Rhs {
		d.expr(e, st)
	}
	for _, e := range a.Lhs {
		if _, ok := e.(*ast.Ident); !ok {
			d.expr(e, st)
		}
	}
	switch {
	case a.Rhs == nil: // var x T
		for _, e := range a.Lhs {
			if v, ok := d.c.info.Defs[e.(*ast.Ident)].(*types.Var); ok {
				delete(st, v)
			}
		}
	case a.Tok == token.ASSIGN || a.Tok == token.DEFINE:
		d.assign(a.Lhs, a.Rhs, st)
	}
}

func (d *domain) Return(st state, ret *ast.ReturnStmt) {
	for _, e := range ret.Results {
		d.expr(e, st)
	}
	if d.onReturn != nil && d.lit == 0 {
		d.onReturn(ret, st)
	}
}

// Dead gives code no path reaches (unless a label makes it a target) a
// state that knows nothing: its function literals are judged still.
func (d *domain) Dead() state { return state{} }

// ctxVar returns the context variable e names, or nil.
func (c *checker) ctxVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, _ := c.info.ObjectOf(id).(*types.Var)
	if v == nil || !grpcapi.IsContext(v.Type()) {
		return nil
	}
	return v
}

// assign records the values of the context variables among lhs.
func (d *domain) assign(lhs, rhs []ast.Expr, st state) {
	if len(lhs) == len(rhs) {
		for i := range lhs {
			if v := d.c.ctxVar(lhs[i]); v != nil {
				st[v] = d.eval(rhs[i], st)
			}
		}
		return
	}
	if len(rhs) != 1 {
		return
	}
	for _, e := range lhs {
		if v := d.c.ctxVar(e); v != nil {
			delete(st, v)
		}
	}
	call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
	if !ok {
		return
	}
	if derive[d.c.calleeKey(call)] && len(call.Args) > 0 {
		if v := d.c.ctxVar(lhs[0]); v != nil {
			st[v] = d.eval(call.Args[0], st)
		}
		return
	}
	if fn, f := d.c.adder(call); f != nil && f.Result < len(lhs) {
		if v := d.c.ctxVar(lhs[f.Result]); v != nil {
			st[v] = val{kind: ctxCarries, org: &origin{pos: call.Pos(), by: fn}}
		}
	}
}

// eval returns what a context expression is, in state st.
func (d *domain) eval(e ast.Expr, st state) val {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v := d.c.ctxVar(e); v != nil {
			return st[v]
		}
	case *ast.CallExpr:
		key := d.c.calleeKey(e)
		switch {
		case fresh[key]:
			return val{kind: ctxFresh}
		case derive[key] && len(e.Args) > 0:
			return d.eval(e.Args[0], st)
		case key == appendOutgoing:
			return val{kind: ctxCarries, org: &origin{pos: e.Pos(), by: "AppendToOutgoingContext"}}
		case key == newOutgoing:
			if len(e.Args) == 2 && d.c.md.empty(e.Args[1]) {
				return val{kind: ctxFresh}
			}
			return val{kind: ctxCarries, org: &origin{pos: e.Pos(), by: "NewOutgoingContext"}}
		}
		if fn, f := d.c.adder(e); f != nil && f.Result == 0 {
			return val{kind: ctxCarries, org: &origin{pos: e.Pos(), by: fn}}
		}
	}
	return val{}
}

// expr visits an expression evaluated in state st: it records the
// NewOutgoingContext calls in it, and walks the bodies of its function
// literals from st.
func (d *domain) expr(e ast.Expr, st state) {
	if e == nil {
		return
	}
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			sig, _ := d.c.info.TypeOf(n).(*types.Signature)
			d.lit++
			d.walker.Body(n.Body, entry(sig, maps.Clone(st)))
			d.lit--
			return false
		case *ast.CallExpr:
			if d.c.calleeKey(n) == newOutgoing && len(n.Args) == 2 {
				d.sites = append(d.sites, replaceSite{call: n, ctx: d.eval(n.Args[0], st)})
			}
		}
		return true
	})
}

// shortName names fn for messages: "pkg.F" or "T.M" outside this
// package, "F" or "T.M" in it.
func (c *checker) shortName(fn *types.Func) string {
	name := fn.Name()
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		if k := lintutil.TypeKey(sig.Recv().Type()); k != "" {
			name = k[lastDot(k)+1:] + "." + name
		}
	} else if fn.Pkg() != nil && fn.Pkg() != c.pass.Pkg {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

func lastDot(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '.' {
			return i
		}
	}
	return -1
}
