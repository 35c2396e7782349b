package serverauth

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// ruleFailOpen: an auth interceptor that looks the current method up in
// a table and calls its handler, unauthenticated, when the method is not
// there (a comma-ok lookup whose !ok branch calls the handler, a
// zero-value test of the entry, !slices.Contains, the same in a helper
// given the method, a switch whose default, or the code after it, does)
// authenticates only the methods the table lists. The
// methods of the services registered on a server using it that the
// table misses are reported at their registration. A table of public
// methods that skip auth (present: handler; absent: checked) is the
// fail-closed inverse and is left alone.
const ruleFailOpen = "fail-open"

// ServedMethod is a method a registered implementation serves (not left
// to an embedded UnimplementedXServer).
type ServedMethod struct {
	Full   string // "/pkg.Service/Method"
	Stream bool
}

// failOpenFact is what a fail-open interceptor lets through: every
// method of its half not among Keys; for a function returning such an
// interceptor too.
type failOpenFact struct {
	Half grpcapi.Half
	Keys []string
	pos  token.Pos // the table, in this package
}

func (*failOpenFact) AFact() {}

func (f *failOpenFact) String() string {
	return fmt.Sprintf("fail-open %s table [%s]", f.Half, strings.Join(f.Keys, " "))
}

// servedMethods lists the methods of the generated server interface
// iface (registered by fn) that impl serves, with the full names of
// fn's package's X_Y_FullMethodName constants; nil when one is missing
// (code generated before protoc-gen-go-grpc 1.3).
func (c *checker) servedMethods(fn *types.Func, svc string, iface types.Type, impl ast.Expr) []ServedMethod {
	var t types.Type
	if impl != nil {
		t = c.info.TypeOf(impl)
	}
	var out []ServedMethod
	for _, m := range grpcapi.ServerInterfaceMethods(iface) {
		k, _ := fn.Pkg().Scope().Lookup(svc + "_" + m.Name + "_FullMethodName").(*types.Const)
		full, ok := "", k != nil
		if ok {
			full, ok = constStringVal(k)
		}
		if !ok {
			return nil
		}
		if t != nil && !types.IsInterface(t) {
			obj, _, _ := types.LookupFieldOrMethod(t, true, c.pass.Pkg, m.Name)
			if f, ok := obj.(*types.Func); ok && grpcapi.IsUnimplemented(f) {
				continue
			}
		}
		out = append(out, ServedMethod{Full: full, Stream: m.Stream})
	}
	return out
}

func constStringVal(k *types.Const) (string, bool) {
	s := k.Val().ExactString()
	if len(s) < 2 || s[0] != '"' {
		return "", false
	}
	return strings.Trim(s, `"`), true
}

// funcFailOpen returns what fn, an interceptor or a function returning
// one, lets through, or nil.
func (c *checker) funcFailOpen(fn *types.Func, depth int) *failOpenFact {
	fn = fn.Origin()
	if f, done := c.failMemo[fn]; done {
		return f
	}
	decl := c.decls[fn]
	if decl == nil {
		return importedFact[failOpenFact](c, fn)
	}
	if c.failMemo == nil {
		c.failMemo = make(map[*types.Func]*failOpenFact)
	}
	c.failMemo[fn] = nil
	f := c.bodyFailOpen(fn.Signature(), decl.Body, depth)
	c.failMemo[fn] = f
	return f
}

// bodyFailOpen judges a function body: an interceptor's own, or the
// interceptors a constructor returns.
func (c *checker) bodyFailOpen(sig *types.Signature, body *ast.BlockStmt, depth int) *failOpenFact {
	if half := grpcapi.ServerInterceptor(sig); half == grpcapi.Unary || half == grpcapi.Stream {
		return c.interceptorFailOpen(sig, half, body)
	}
	if !returnsInterceptor(sig) || depth > 3 {
		return nil
	}
	var found *failOpenFact
	for _, res := range returnedExprs(body, sig.Results().Len()) {
		f := c.exprFailOpen(res, depth+1)
		if f == nil {
			continue
		}
		if found != nil && !sameKeys(found, f) {
			return nil
		}
		found = f
	}
	return found
}

func sameKeys(a, b *failOpenFact) bool {
	return a.Half == b.Half && strings.Join(a.Keys, "\x00") == strings.Join(b.Keys, "\x00")
}

// exprFailOpen returns what the interceptor expression e lets through.
func (c *checker) exprFailOpen(e ast.Expr, depth int) *failOpenFact {
	if depth > 4 {
		return nil
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		if sig, _ := c.info.TypeOf(x).(*types.Signature); sig != nil {
			return c.bodyFailOpen(sig, x.Body, depth)
		}
	case *ast.CallExpr:
		if tv, ok := c.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return c.exprFailOpen(x.Args[0], depth+1)
		}
		if fn := lintutil.Callee(c.info, x); fn != nil && returnsInterceptor(fn.Signature()) {
			return c.funcFailOpen(fn, depth+1)
		}
	case *ast.Ident, *ast.SelectorExpr:
		switch o := c.info.Uses[identOf(x)].(type) {
		case *types.Func:
			if grpcapi.ServerInterceptor(o.Signature()) != 0 {
				return c.funcFailOpen(o, depth+1)
			}
		case *types.Var:
			if o.Pkg() == c.pass.Pkg {
				if rhs, idx, ok := c.singleValue(o); ok && idx < 0 {
					return c.exprFailOpen(rhs, depth+1)
				}
			}
		}
	}
	return nil
}

// interceptorFailOpen finds, in an interceptor's body, a table lookup of
// the current method whose absent branch calls the handler while the
// rest of the body authenticates.
func (c *checker) interceptorFailOpen(sig *types.Signature, half grpcapi.Half, body *ast.BlockStmt) *failOpenFact {
	handler := handlerParam(sig)
	if handler == nil {
		return nil
	}
	var found *failOpenFact
	var visit func(list []ast.Stmt)
	visit = func(list []ast.Stmt) {
		for i, s := range list {
			if found != nil {
				return
			}
			rest := list[i+1:]
			switch st := s.(type) {
			case *ast.IfStmt:
				after := rest
				if st.Else != nil {
					after = append([]ast.Stmt{st.Else}, rest...)
				}
				if keys, pos, ok := c.absentTest(st, st.Cond, list[:i]); ok && c.callsHandlerFirst(st.Body, handler) && c.authenticates(after) {
					found = &failOpenFact{Half: half, Keys: keys, pos: pos}
					return
				}
				// if required[m] { check }; return h(ctx, req)
				if st.Else == nil && c.authenticates(st.Body.List) && !callsHandler(c.info, st.Body, handler) && c.callsHandlerFirst(&ast.BlockStmt{List: rest}, handler) {
					if keys, pos, ok := c.absentTest(st, negate(st.Cond), list[:i]); ok {
						found = &failOpenFact{Half: half, Keys: keys, pos: pos}
						return
					}
				}
			case *ast.SwitchStmt:
				if keys, pos, ok := c.failOpenSwitch(st, rest, handler); ok {
					found = &failOpenFact{Half: half, Keys: keys, pos: pos}
					return
				}
			case *ast.BlockStmt:
				visit(st.List)
			}
			// An auth signal or a handler call before the lookup: the
			// table is not the gate.
			if c.authenticates([]ast.Stmt{s}) || callsHandler(c.info, s, handler) {
				return
			}
		}
	}
	visit(body.List)
	return found
}

func handlerParam(sig *types.Signature) *types.Var {
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if lintutil.IsNamed(p.Type(), grpcapi.GRPC, "UnaryHandler", false) || lintutil.IsNamed(p.Type(), grpcapi.GRPC, "StreamHandler", false) {
			return p
		}
	}
	return nil
}

// callsHandler reports whether n calls the handler (outside function
// literals).
func callsHandler(info *types.Info, n ast.Node, handler *types.Var) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if _, isLit := n.(*ast.FuncLit); isLit || found {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && info.Uses[id] == handler {
				found = true
			}
		}
		return !found
	})
	return found
}

// callsHandlerFirst reports whether block calls the handler before any
// auth signal.
func (c *checker) callsHandlerFirst(block *ast.BlockStmt, handler *types.Var) bool {
	for _, s := range block.List {
		if callsHandler(c.info, s, handler) {
			return !c.authenticates([]ast.Stmt{s})
		}
		if c.authenticates([]ast.Stmt{s}) {
			return false
		}
	}
	return false
}

// authenticates reports whether the statements hold an auth signal.
func (c *checker) authenticates(stmts []ast.Stmt) bool {
	found := false
	for _, s := range stmts {
		ast.Inspect(s, func(n ast.Node) bool {
			if _, isLit := n.(*ast.FuncLit); isLit || found || n == nil {
				return false
			}
			found = c.authSignal(n)
			return !found
		})
	}
	return found
}

// absentTest reports whether the if statement's condition holds when
// the current method is absent from a table the pass can read, and
// returns the table's keys: !ok of a comma-ok lookup (in the if's init
// or a statement before it), T[m] == nil/""/0/false, !T[m],
// !slices.Contains(S, m), or a call of a helper of this package whose
// one result is such a test of its parameter (skip(m)), or the negation
// of one (!protected(m)).
func (c *checker) absentTest(st *ast.IfStmt, cond ast.Expr, before []ast.Stmt) ([]string, token.Pos, bool) {
	stmts := append([]ast.Stmt(nil), before...)
	if st.Init != nil {
		stmts = append(stmts, st.Init)
	}
	return c.absentCond(cond, stmts, nil, 0)
}

// absentCond is absentTest's reading of cond, after the statements
// before; params are the parameters of the helpers it has entered that
// stand for the current method.
func (c *checker) absentCond(cond ast.Expr, before []ast.Stmt, params map[*types.Var]bool, depth int) ([]string, token.Pos, bool) {
	cond = ast.Unparen(cond)
	// !ok, ok == false
	var okID *ast.Ident
	switch x := cond.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			switch y := ast.Unparen(x.X).(type) {
			case *ast.Ident:
				if t := c.info.TypeOf(y); t != nil && isBool(t) {
					okID = y
				}
			case *ast.IndexExpr:
				return c.methodTable(y, params) // !T[m]
			case *ast.CallExpr:
				if keys, pos, ok := c.methodList(y, params); ok {
					return keys, pos, ok // !slices.Contains(S, m)
				}
				return c.helperAbsent(y, true, params, depth) // !protected(m)
			}
		}
	case *ast.CallExpr:
		return c.helperAbsent(x, false, params, depth) // skip(m)
	case *ast.BinaryExpr:
		if x.Op == token.EQL {
			for _, pair := range [][2]ast.Expr{{x.X, x.Y}, {x.Y, x.X}} {
				if idx, ok := ast.Unparen(pair[0]).(*ast.IndexExpr); ok && c.isZero(pair[1]) {
					return c.methodTable(idx, params) // T[m] == nil
				}
				if id, ok := ast.Unparen(pair[0]).(*ast.Ident); ok && isFalse(c.info, pair[1]) {
					okID = id
				}
			}
		}
	}
	if okID == nil {
		return nil, 0, false
	}
	v, _ := c.info.Uses[okID].(*types.Var)
	if v == nil {
		return nil, 0, false
	}
	// The comma-ok assignment defining v.
	for i := len(before) - 1; i >= 0; i-- {
		as, ok := before[i].(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 2 || len(as.Rhs) != 1 {
			continue
		}
		if id, ok := as.Lhs[1].(*ast.Ident); ok && c.info.ObjectOf(id) == v {
			if idx, ok := ast.Unparen(as.Rhs[0]).(*ast.IndexExpr); ok {
				return c.methodTable(idx, params)
			}
			return nil, 0, false
		}
	}
	return nil, 0, false
}

// helperAbsent reads call, a call of a function of this package given
// the current method, whose body ends in the return of one boolean: the
// condition it returns (negated when neg) must be an absent test of the
// parameter the method is given to.
func (c *checker) helperAbsent(call *ast.CallExpr, neg bool, params map[*types.Var]bool, depth int) ([]string, token.Pos, bool) {
	fn := lintutil.Callee(c.info, call)
	if fn == nil || depth > 2 || len(call.Args) != 1 || !c.isMethod(call.Args[0], params, 0) {
		return nil, 0, false
	}
	decl := c.decls[fn.Origin()]
	sig := fn.Signature()
	if decl == nil || sig.Params().Len() != 1 || sig.Results().Len() != 1 || !isBool(sig.Results().At(0).Type()) || len(decl.Body.List) == 0 {
		return nil, 0, false
	}
	body := decl.Body.List
	ret, ok := body[len(body)-1].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return nil, 0, false
	}
	for _, s := range body[:len(body)-1] {
		if _, ok := s.(*ast.AssignStmt); !ok {
			return nil, 0, false // only the comma-ok lookup may come first
		}
	}
	res := ret.Results[0]
	if neg {
		res = negate(res)
	}
	return c.absentCond(res, body[:len(body)-1], map[*types.Var]bool{sig.Params().At(0): true}, depth+1)
}

// negate returns the condition that holds when cond does not, in the
// forms absentCond reads: ok -> !ok, T[m] -> !T[m], f(m) -> !f(m),
// !x -> x, x != y -> x == y.
func negate(cond ast.Expr) ast.Expr {
	switch x := ast.Unparen(cond).(type) {
	case *ast.Ident, *ast.IndexExpr, *ast.CallExpr:
		return &ast.UnaryExpr{Op: token.NOT, X: x, OpPos: x.Pos()}
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			return x.X
		}
	case *ast.BinaryExpr:
		if x.Op == token.NEQ {
			return &ast.BinaryExpr{X: x.X, Op: token.EQL, Y: x.Y, OpPos: x.OpPos}
		}
	}
	return &ast.BadExpr{}
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

func isFalse(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && id.Name == "false" && info.Uses[id] == types.Universe.Lookup("false")
}

// isZero reports whether e is nil or a constant zero value.
func (c *checker) isZero(e ast.Expr) bool {
	tv := c.info.Types[e]
	if tv.IsNil() {
		return true
	}
	if tv.Value == nil {
		return false
	}
	switch s := tv.Value.ExactString(); s {
	case `""`, "0", "false":
		return true
	}
	return false
}

// methodTable returns the keys of the map literal idx indexes with the
// current method, when every key is a constant and nothing else is
// ever written to it.
func (c *checker) methodTable(idx *ast.IndexExpr, params map[*types.Var]bool) ([]string, token.Pos, bool) {
	if _, isMap := types.Unalias(c.info.TypeOf(idx.X)).Underlying().(*types.Map); !isMap || !c.isMethod(idx.Index, params, 0) {
		return nil, 0, false
	}
	return c.constTable(idx.X, func(e ast.Expr) ast.Expr {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			return kv.Key
		}
		return nil
	})
}

// methodList returns the elements of the slice literal S of
// slices.Contains(S, m), m the current method, when every element is a
// constant and nothing else is ever written to S.
func (c *checker) methodList(call *ast.CallExpr, params map[*types.Var]bool) ([]string, token.Pos, bool) {
	fn := lintutil.Callee(c.info, call)
	if fn == nil || lintutil.FuncKey(fn) != "slices.Contains" || len(call.Args) != 2 || !c.isMethod(call.Args[1], params, 0) {
		return nil, 0, false
	}
	return c.constTable(call.Args[0], func(e ast.Expr) ast.Expr {
		if _, ok := e.(*ast.KeyValueExpr); ok {
			return nil
		}
		return e
	})
}

// constTable returns the constant strings key picks from the elements of
// the composite literal that is the only value of the package variable
// x, sorted, and the literal's position.
func (c *checker) constTable(x ast.Expr, key func(ast.Expr) ast.Expr) ([]string, token.Pos, bool) {
	v := c.varOf(x)
	if v == nil || v.Pkg() != c.pass.Pkg {
		return nil, 0, false
	}
	rhs, i, ok := c.singleValue(v)
	lit, isLit := ast.Unparen(rhs).(*ast.CompositeLit)
	if !ok || i >= 0 || !isLit {
		return nil, 0, false
	}
	var keys []string
	for _, elt := range lit.Elts {
		k := key(elt)
		if k == nil {
			return nil, 0, false
		}
		s, ok := lintutil.ConstString(c.info, k)
		if !ok {
			return nil, 0, false
		}
		keys = append(keys, s)
	}
	sort.Strings(keys)
	return keys, lit.Pos(), true
}

// failOpenSwitch reports a switch on the current method whose cases
// authenticate and whose default (or, without one, the code after the
// switch) calls the handler first; it returns the case constants.
func (c *checker) failOpenSwitch(st *ast.SwitchStmt, rest []ast.Stmt, handler *types.Var) ([]string, token.Pos, bool) {
	if st.Tag == nil || !c.isMethod(st.Tag, nil, 0) {
		return nil, 0, false
	}
	var keys []string
	var def *ast.CaseClause
	auth := false
	for _, s := range st.Body.List {
		cc := s.(*ast.CaseClause)
		if cc.List == nil {
			def = cc
			continue
		}
		for _, e := range cc.List {
			k, ok := lintutil.ConstString(c.info, e)
			if !ok {
				return nil, 0, false
			}
			keys = append(keys, k)
		}
		auth = auth || c.authenticates(cc.Body)
	}
	if !auth || len(keys) == 0 {
		return nil, 0, false
	}
	open := false
	if def != nil {
		open = c.callsHandlerFirst(&ast.BlockStmt{List: def.Body}, handler)
	} else {
		open = c.callsHandlerFirst(&ast.BlockStmt{List: rest}, handler)
	}
	if !open {
		return nil, 0, false
	}
	sort.Strings(keys)
	return keys, st.Pos(), true
}

// checkFailOpen judges a grpc.NewServer call (whose server is in srv)
// against the fail-open interceptors its options install directly.
func (c *checker) checkFailOpen(call *ast.CallExpr, srv *types.Var, body *ast.BlockStmt) {
	type use struct {
		f  *failOpenFact
		at ast.Expr
	}
	var uses []use
	for _, e := range c.interceptorExprs(call) {
		if f := c.exprFailOpen(e, 0); f != nil {
			uses = append(uses, use{f, e})
		}
	}
	if len(uses) == 0 || srv == nil || body == nil {
		return
	}
	regs := c.registrations(srv, body, 0)
	// Every method the server serves, when the analyzer knows them all:
	// a table entry naming none of them is dead (a wrong package prefix
	// in the string, say), and the related information says so.
	served := make(map[string]bool)
	for _, reg := range regs {
		if reg.Served == nil {
			served = nil
			break
		}
		for _, m := range reg.Served {
			served[m.Full] = true
		}
	}
	for _, u := range uses {
		keys := make(map[string]bool, len(u.f.Keys))
		var dead []string
		for _, k := range u.f.Keys {
			keys[k] = true
			if served != nil && !served[k] {
				dead = append(dead, strconv.Quote(k))
			}
		}
		for _, reg := range regs {
			if reg.Served == nil || !reg.pos.IsValid() {
				continue
			}
			var open []string
			for _, m := range reg.Served {
				if m.Stream != (u.f.Half == grpcapi.Stream) || keys[m.Full] {
					continue
				}
				if _, meth, ok := grpcapi.SplitFullMethod(m.Full); ok {
					open = append(open, reg.Service+"."+meth)
				}
			}
			if len(open) == 0 || c.r.InTest(reg.pos) || !c.once(ruleFailOpen, reg.pos) {
				continue
			}
			d := analysis.Diagnostic{
				Pos: reg.pos,
				Message: fmt.Sprintf("%s: missing from the method table of %s, so served unchecked; deny unlisted methods",
					lintutil.List(open), exprName(u.at)),
				Related: []analysis.RelatedInformation{{Pos: u.at.Pos(), End: u.at.End(), Message: "fail-open interceptor"}},
			}
			if u.f.pos.IsValid() {
				msg := "method table"
				if len(dead) > 0 {
					verb := "names"
					if len(dead) > 1 {
						verb = "name"
					}
					msg += fmt.Sprintf(": %s %s no method served here", lintutil.List(dead), verb)
				}
				d.Related = append(d.Related, analysis.RelatedInformation{Pos: u.f.pos, Message: msg})
			}
			c.r.Report(d)
		}
	}
}

// interceptorExprs returns the interceptors the options written in a
// grpc.NewServer call install: arguments of interceptor options (also
// in a []grpc.ServerOption literal a local variable holds), and of
// go-grpc-middleware v1's chains.
func (c *checker) interceptorExprs(call *ast.CallExpr) []ast.Expr {
	var out []ast.Expr
	var add func(e ast.Expr, depth int)
	add = func(e ast.Expr, depth int) {
		if depth > 3 {
			return
		}
		e = ast.Unparen(e)
		if id, ok := e.(*ast.Ident); ok {
			if v, _ := c.info.Uses[id].(*types.Var); v != nil && v.Pkg() == c.pass.Pkg && isOptionType(v.Type()) {
				if rhs, idx, ok := c.singleValue(v); ok && idx < 0 {
					add(rhs, depth+1)
				}
			}
			return
		}
		switch x := e.(type) {
		case *ast.CompositeLit:
			for _, elt := range x.Elts {
				add(elt, depth+1)
			}
		case *ast.CallExpr:
			fn := lintutil.Callee(c.info, x)
			if fn == nil {
				return
			}
			k := lintutil.FuncKey(fn)
			if _, ok := interceptorOptions[k]; !ok && k != mwWithUnaryChain {
				return
			}
			args, ok := c.interceptorArgs(x)
			if !ok {
				return
			}
			for _, a := range args {
				if inner, ok := ast.Unparen(a).(*ast.CallExpr); ok {
					if fn := lintutil.Callee(c.info, inner); fn != nil && (lintutil.FuncKey(fn) == mwChainUnary || lintutil.FuncKey(fn) == mwV1+".ChainStreamServer") {
						if inArgs, ok := c.interceptorArgs(inner); ok {
							out = append(out, inArgs...)
						}
						continue
					}
				}
				out = append(out, a)
			}
		}
	}
	for _, a := range call.Args {
		add(a, 0)
	}
	return out
}
