package lostmetadata

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// origin is where the outgoing metadata a context may carry comes from.
type origin struct {
	pos token.Pos // the call that added it, or the interceptor's parameter
	by  string    // the function that added it ("metadata.AppendToOutgoingContext"), "" for the caller's
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
// point of the walk; a variable it lacks is unknown. A nil state is an
// unreachable point (after a return, break, panic).
type state map[*types.Var]val

func (st state) copy() state {
	out := make(state, len(st))
	for k, v := range st {
		out[k] = v
	}
	return out
}

// join merges the states of two paths that meet: a context that may
// carry metadata on one of them may carry it after.
func join(a, b state) state {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	out := make(state, len(a))
	for v, x := range a {
		out[v] = joinVal(x, b[v])
	}
	for v, y := range b {
		if _, ok := a[v]; !ok {
			out[v] = joinVal(val{}, y)
		}
	}
	return out
}

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

// walker follows the contexts of one function, statement by statement,
// in source order; branches are walked on copies of the state and
// joined where they meet, a loop body once.
type walker struct {
	c *checker
	// onNew is called for each NewOutgoingContext call with the state
	// before it, when reporting.
	onNew func(call *ast.CallExpr, st state)
	// onReturn is called for each return of the walked declaration
	// itself (not of its function literals).
	onReturn func(ret *ast.ReturnStmt, st state)
	lit      int // depth of function literals
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

// decl walks a top-level declaration: a function's body, or the
// function literals of a package-level variable.
func (w *walker) decl(n ast.Node) {
	switch d := n.(type) {
	case *ast.FuncDecl:
		if d.Body == nil {
			return
		}
		var sig *types.Signature
		if fn := w.c.funcOf(d); fn != nil {
			sig, _ = fn.Type().(*types.Signature)
		}
		w.stmts(d.Body.List, entry(sig, state{}))
	case *ast.GenDecl:
		for _, spec := range d.Specs {
			if vs, ok := spec.(*ast.ValueSpec); ok {
				for _, e := range vs.Values {
					w.expr(e, state{})
				}
			}
		}
	}
}

func (w *walker) stmts(list []ast.Stmt, st state) state {
	for _, s := range list {
		if st == nil {
			// Unreachable unless a label makes it a target: judge it
			// knowing nothing.
			st = state{}
		}
		st = w.stmt(s, st)
	}
	return st
}

func (w *walker) stmt(s ast.Stmt, st state) state {
	switch s := s.(type) {
	case nil:
		return st
	case *ast.ExprStmt:
		w.expr(s.X, st)
		if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
				if b, ok := w.c.info.Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
					return nil
				}
			}
		}
	case *ast.AssignStmt:
		for _, e := range s.Rhs {
			w.expr(e, st)
		}
		for _, e := range s.Lhs {
			if _, ok := e.(*ast.Ident); !ok {
				w.expr(e, st)
			}
		}
		if s.Tok == token.ASSIGN || s.Tok == token.DEFINE {
			w.assign(s.Lhs, s.Rhs, st)
		}
	case *ast.DeclStmt:
		gd, ok := s.Decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			return st
		}
		for _, spec := range gd.Specs {
			vs, ok := spec.(*ast.ValueSpec)
			if !ok {
				continue
			}
			for _, e := range vs.Values {
				w.expr(e, st)
			}
			lhs := make([]ast.Expr, len(vs.Names))
			for i, n := range vs.Names {
				lhs[i] = n
			}
			if len(vs.Values) == 0 {
				for _, n := range vs.Names {
					if v, ok := w.c.info.Defs[n].(*types.Var); ok {
						delete(st, v)
					}
				}
				continue
			}
			w.assign(lhs, vs.Values, st)
		}
	case *ast.IncDecStmt:
		w.expr(s.X, st)
	case *ast.SendStmt:
		w.expr(s.Chan, st)
		w.expr(s.Value, st)
	case *ast.GoStmt:
		w.expr(s.Call, st)
	case *ast.DeferStmt:
		w.expr(s.Call, st)
	case *ast.ReturnStmt:
		for _, e := range s.Results {
			w.expr(e, st)
		}
		if w.onReturn != nil && w.lit == 0 {
			w.onReturn(s, st)
		}
		return nil
	case *ast.BranchStmt:
		return nil
	case *ast.BlockStmt:
		return w.stmts(s.List, st)
	case *ast.LabeledStmt:
		return w.stmt(s.Stmt, st)
	case *ast.IfStmt:
		st = w.stmt(s.Init, st)
		if st == nil {
			return nil
		}
		w.expr(s.Cond, st)
		then := w.stmts(s.Body.List, st.copy())
		els := st
		if s.Else != nil {
			els = w.stmt(s.Else, st.copy())
		}
		return join(then, els)
	case *ast.ForStmt:
		st = w.stmt(s.Init, st)
		if st == nil {
			return nil
		}
		if s.Cond != nil {
			w.expr(s.Cond, st)
		}
		body := w.stmts(s.Body.List, st.copy())
		if body != nil {
			body = w.stmt(s.Post, body)
		}
		return join(st, body)
	case *ast.RangeStmt:
		w.expr(s.X, st)
		body := st.copy()
		for _, e := range []ast.Expr{s.Key, s.Value} {
			if v := w.c.ctxVar(e); v != nil {
				delete(body, v)
			}
		}
		return join(st, w.stmts(s.Body.List, body))
	case *ast.SwitchStmt:
		st = w.stmt(s.Init, st)
		if st == nil {
			return nil
		}
		if s.Tag != nil {
			w.expr(s.Tag, st)
		}
		return w.clauses(s.Body, st)
	case *ast.TypeSwitchStmt:
		st = w.stmt(s.Init, st)
		if st == nil {
			return nil
		}
		st = w.stmt(s.Assign, st)
		if st == nil {
			return nil
		}
		return w.clauses(s.Body, st)
	case *ast.SelectStmt:
		var out state
		for _, cl := range s.Body.List {
			cc, ok := cl.(*ast.CommClause)
			if !ok {
				continue
			}
			in := w.stmt(cc.Comm, st.copy())
			if in != nil {
				in = w.stmts(cc.Body, in)
			}
			out = join(out, in)
		}
		return out
	}
	return st
}

// clauses walks the case clauses of a switch.
func (w *walker) clauses(body *ast.BlockStmt, st state) state {
	var out state
	hasDefault := false
	for _, cl := range body.List {
		cc, ok := cl.(*ast.CaseClause)
		if !ok {
			continue
		}
		if cc.List == nil {
			hasDefault = true
		}
		for _, e := range cc.List {
			w.expr(e, st)
		}
		out = join(out, w.stmts(cc.Body, st.copy()))
	}
	if !hasDefault {
		out = join(out, st)
	}
	return out
}

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
func (w *walker) assign(lhs, rhs []ast.Expr, st state) {
	if len(lhs) == len(rhs) {
		for i := range lhs {
			if v := w.c.ctxVar(lhs[i]); v != nil {
				st[v] = w.eval(rhs[i], st)
			}
		}
		return
	}
	if len(rhs) != 1 {
		return
	}
	for _, e := range lhs {
		if v := w.c.ctxVar(e); v != nil {
			delete(st, v)
		}
	}
	call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
	if !ok {
		return
	}
	if derive[w.c.calleeKey(call)] && len(call.Args) > 0 {
		if v := w.c.ctxVar(lhs[0]); v != nil {
			st[v] = w.eval(call.Args[0], st)
		}
		return
	}
	if fn, f := w.c.adder(call); f != nil && f.Result < len(lhs) {
		if v := w.c.ctxVar(lhs[f.Result]); v != nil {
			st[v] = val{kind: ctxCarries, org: &origin{pos: call.Pos(), by: fn}}
		}
	}
}

// eval returns what a context expression is, in state st.
func (w *walker) eval(e ast.Expr, st state) val {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v := w.c.ctxVar(e); v != nil {
			return st[v]
		}
	case *ast.CallExpr:
		key := w.c.calleeKey(e)
		switch {
		case fresh[key]:
			return val{kind: ctxFresh}
		case derive[key] && len(e.Args) > 0:
			return w.eval(e.Args[0], st)
		case key == appendOutgoing:
			return val{kind: ctxCarries, org: &origin{pos: e.Pos(), by: "AppendToOutgoingContext"}}
		case key == newOutgoing:
			if len(e.Args) == 2 && w.c.md.empty(e.Args[1]) {
				return val{kind: ctxFresh}
			}
			return val{kind: ctxCarries, org: &origin{pos: e.Pos(), by: "NewOutgoingContext"}}
		}
		if fn, f := w.c.adder(e); f != nil && f.Result == 0 {
			return val{kind: ctxCarries, org: &origin{pos: e.Pos(), by: fn}}
		}
	}
	return val{}
}

// expr visits an expression evaluated in state st: the
// NewOutgoingContext calls in it, and the bodies of its function
// literals (walked from st, as they see the variables of their
// enclosing function).
func (w *walker) expr(e ast.Expr, st state) {
	if e == nil {
		return
	}
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			sig, _ := w.c.info.TypeOf(n).(*types.Signature)
			w.lit++
			w.stmts(n.Body.List, entry(sig, st.copy()))
			w.lit--
			return false
		case *ast.CallExpr:
			if w.onNew != nil && w.c.calleeKey(n) == newOutgoing {
				w.onNew(n, st)
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
