package dialcreds

import (
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

type funcState struct {
	c      *checker
	fn     *types.Func // nil for closures and package-level initializers
	sig    *types.Signature
	env    map[*types.Var]val
	param  map[*types.Var]int // options parameters -> 1 + index
	resIdx int                // index of the summarised result, or -1
	cond   branch             // the innermost branch, for messages
	atom   cond               // the innermost branch's condition, or the zero cond
	body   *ast.BlockStmt
	skip   bool // in a _test.go file and tests are off
	// sh is shared by the forks of the walk of one function.
	sh *funcShared
}

// funcShared is what the branches of a function's walk collect together.
type funcShared struct {
	returns val
	dialer  *dialerFact
	// Uses of local contexts in body, the contexts each derives from, and
	// the context arguments of DialContext calls, computed by need.
	ctxUses map[*types.Var][]ast.Node
	ctxFrom map[*types.Var][]*types.Var
	dialCtx map[ast.Node]bool
	// streams are the streaming calls on connection or client
	// parameters (rule 5), by parameter index.
	streams map[int][]streamUse
}

func (c *checker) newFunc(fn *types.Func, n ast.Node) *funcState {
	fs := &funcState{c: c, fn: fn, env: make(map[*types.Var]val), param: make(map[*types.Var]int), resIdx: -1, sh: new(funcShared)}
	fs.skip = c.r.InTest(n.Pos())
	if fn != nil {
		fs.sig = fn.Type().(*types.Signature)
		fs.resIdx = resultIndex(fs.sig)
	}
	return fs
}

// resultIndex is the index of the first result the pass summarises.
func resultIndex(sig *types.Signature) int {
	for i := 0; i < sig.Results().Len(); i++ {
		if isTracked(sig.Results().At(i).Type()) {
			return i
		}
	}
	return -1
}

func (fs *funcState) params(ft *ast.FuncType) {
	if fs.sig == nil {
		return
	}
	for i := 0; i < fs.sig.Params().Len(); i++ {
		p := fs.sig.Params().At(i)
		if isOptionType(p.Type()) {
			fs.param[p] = i + 1
		}
	}
	// Named results start as their zero value.
	for i := 0; i < fs.sig.Results().Len(); i++ {
		fs.env[fs.sig.Results().At(i)] = emptyVal
	}
}

func (fs *funcState) fork() *funcState {
	g := *fs
	g.env = maps.Clone(fs.env)
	return &g
}

// block walks a statement list; it reports whether the list never
// completes normally (return or panic on every path).
func (fs *funcState) block(list []ast.Stmt) bool {
	for _, s := range list {
		if fs.stmt(s) {
			return true
		}
	}
	return false
}

func (fs *funcState) stmt(s ast.Stmt) bool {
	info := fs.c.pass.TypesInfo
	switch s := s.(type) {
	case *ast.BlockStmt:
		return fs.block(s.List)
	case *ast.ExprStmt:
		fs.discardedOption(s.X)
		fs.eval(s.X)
		if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" {
				if _, ok := info.Uses[id].(*types.Builtin); ok {
					return true
				}
			}
			if fn := lintutil.Callee(info, call); fn != nil && noReturn(fn) {
				return true
			}
		}
	case *ast.AssignStmt:
		fs.assign(s.Lhs, s.Rhs, s.Tok)
	case *ast.DeclStmt:
		gd, ok := s.Decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			break
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			lhs := make([]ast.Expr, len(vs.Names))
			for i, n := range vs.Names {
				lhs[i] = n
			}
			if len(vs.Values) == 0 {
				for _, n := range vs.Names {
					if v, ok := info.Defs[n].(*types.Var); ok {
						fs.set(v, emptyVal)
					}
				}
				continue
			}
			fs.assign(lhs, vs.Values, token.DEFINE)
		}
	case *ast.IfStmt:
		if s.Init != nil {
			fs.stmt(s.Init)
		}
		fs.eval(s.Cond)
		br := fs.branchOf(s.Cond)
		pre := fs.env
		th := fs.fork()
		th.cond = br
		th.atom = fs.condOf(s.Cond, true)
		tTerm := th.stmt(s.Body)
		el := fs.fork()
		el.cond = br.not()
		el.atom = fs.condOf(s.Cond, false)
		eTerm := false
		if s.Else != nil {
			eTerm = el.stmt(s.Else)
		}
		fs.merge(pre, []*funcState{th, el}, []bool{tTerm, eTerm})
		return tTerm && eTerm
	case *ast.SwitchStmt:
		if s.Init != nil {
			fs.stmt(s.Init)
		}
		tag := ""
		if s.Tag != nil {
			fs.eval(s.Tag)
			tag = fs.text(s.Tag)
		}
		return fs.clauses(s.Body, func(cc *ast.CaseClause) (branch, cond) {
			var atom cond
			if len(cc.List) == 1 {
				if s.Tag != nil {
					atom, _ = fs.eqCond(s.Tag, cc.List[0], true)
				} else {
					atom = fs.condOf(cc.List[0], true)
				}
			}
			var parts []string
			for _, e := range cc.List {
				fs.eval(e)
				if tag != "" {
					parts = append(parts, tag+" == "+fs.text(e))
				} else {
					parts = append(parts, fs.text(e))
				}
			}
			return branch{text: strings.Join(parts, " || ")}, atom
		})
	case *ast.TypeSwitchStmt:
		if s.Init != nil {
			fs.stmt(s.Init)
		}
		fs.stmt(s.Assign)
		return fs.clauses(s.Body, func(*ast.CaseClause) (branch, cond) { return branch{}, cond{} })
	case *ast.SelectStmt:
		pre := fs.env
		var branches []*funcState
		var terms []bool
		for _, cl := range s.Body.List {
			cc := cl.(*ast.CommClause)
			b := fs.fork()
			if cc.Comm != nil {
				b.stmt(cc.Comm)
			}
			branches = append(branches, b)
			terms = append(terms, b.block(cc.Body))
		}
		if len(branches) == 0 {
			return true
		}
		fs.merge(pre, branches, terms)
		for _, t := range terms {
			if !t {
				return false
			}
		}
		return true
	case *ast.ForStmt:
		if s.Init != nil {
			fs.stmt(s.Init)
		}
		if s.Cond != nil {
			fs.eval(s.Cond)
		}
		fs.loop(func(b *funcState) {
			b.stmt(s.Body)
			if s.Post != nil {
				b.stmt(s.Post)
			}
		})
	case *ast.RangeStmt:
		fs.eval(s.X)
		fs.loop(func(b *funcState) {
			for _, e := range []ast.Expr{s.Key, s.Value} {
				if id, ok := e.(*ast.Ident); ok {
					if v, ok := info.ObjectOf(id).(*types.Var); ok {
						b.set(v, unknownVal)
					}
				}
			}
			b.stmt(s.Body)
		})
	case *ast.ReturnStmt:
		fs.ret(s)
		return true
	case *ast.LabeledStmt:
		return fs.stmt(s.Stmt)
	case *ast.GoStmt:
		fs.eval(s.Call)
	case *ast.DeferStmt:
		fs.eval(s.Call)
	case *ast.SendStmt:
		fs.eval(s.Chan)
		fs.eval(s.Value)
	case *ast.IncDecStmt:
		fs.eval(s.X)
	}
	return false
}

// clauses walks the clauses of a switch.
func (fs *funcState) clauses(body *ast.BlockStmt, condOf func(*ast.CaseClause) (branch, cond)) bool {
	pre := fs.env
	var branches []*funcState
	var terms []bool
	hasDefault := false
	for _, cl := range body.List {
		cc := cl.(*ast.CaseClause)
		if cc.List == nil {
			hasDefault = true
		}
		b := fs.fork()
		if br, atom := condOf(cc); !br.none() {
			b.cond, b.atom = br, atom
		}
		branches = append(branches, b)
		terms = append(terms, b.block(cc.Body))
	}
	if !hasDefault {
		branches = append(branches, fs.fork())
		terms = append(terms, false)
	}
	fs.merge(pre, branches, terms)
	for _, t := range terms {
		if !t {
			return false
		}
	}
	return true
}

// loop walks a loop body that runs zero or more times.
func (fs *funcState) loop(body func(*funcState)) {
	pre := fs.env
	b := fs.fork()
	body(b)
	fs.merge(pre, []*funcState{fs.fork(), b}, []bool{false, false})
}

// merge joins the environments of the branches that complete; a value
// that gains an insecure transport in a branch is tagged with the
// branch's condition.
func (fs *funcState) merge(pre map[*types.Var]val, branches []*funcState, terms []bool) {
	var out map[*types.Var]val
	for i, b := range branches {
		if terms[i] {
			continue
		}
		if b.atom != (cond{}) && b.atom != fs.atom {
			for v, x := range b.env {
				p := pre[v]
				b.env[v] = mapAlts(x, func(a alt) alt {
					if !slices.ContainsFunc(p, a.same) {
						a.conds = a.conds.and(conds{b.atom})
					}
					return a
				})
			}
		}
		if !b.cond.none() && !b.cond.same(fs.cond) {
			for v, x := range b.env {
				if x.has(bInsecure) && fs.chosen(v, x, branches, terms, i) {
					b.env[v] = mapAlts(x, func(a alt) alt {
						if a.b&bInsecure != 0 && a.insecCond.none() {
							a.insecCond = b.cond
						}
						return a
					})
				}
			}
		}
		if out == nil {
			out = maps.Clone(b.env)
			continue
		}
		for v, x := range b.env {
			if y, ok := out[v]; ok {
				out[v] = join(y, x)
			} else {
				out[v] = x
			}
		}
	}
	if out == nil {
		out = pre
	}
	fs.env = out
}

// chosen reports whether the insecure transport of x, the value of v in
// branch i, is chosen by the branch: another branch that completes holds
// a different value for v.
func (fs *funcState) chosen(v *types.Var, x val, branches []*funcState, terms []bool, i int) bool {
	for j, b := range branches {
		if j == i || terms[j] {
			continue
		}
		y, ok := b.env[v]
		if !ok {
			continue
		}
		for _, a := range x {
			if a.b&bInsecure != 0 && !slices.ContainsFunc(y, a.same) {
				return true
			}
		}
	}
	return false
}

func (fs *funcState) set(v *types.Var, x val) {
	if fs.c.escaped[v] {
		x = unknownVal
	}
	fs.env[v] = x
}

func (fs *funcState) assign(lhs, rhs []ast.Expr, tok token.Token) {
	info := fs.c.pass.TypesInfo
	if tok != token.ASSIGN && tok != token.DEFINE {
		for _, e := range rhs {
			fs.eval(e)
		}
		return
	}
	vals := make([]val, len(lhs))
	if len(lhs) == len(rhs) {
		for i, e := range rhs {
			vals[i] = fs.eval(e)
			if id, ok := lhs[i].(*ast.Ident); ok && id.Name == "_" {
				fs.discardedOption(e)
			}
		}
	} else if len(rhs) == 1 {
		x := fs.eval(rhs[0])
		idx := -1
		if tup, ok := info.TypeOf(rhs[0]).(*types.Tuple); ok {
			for i := 0; i < tup.Len(); i++ {
				if isTracked(tup.At(i).Type()) {
					idx = i
					break
				}
			}
		}
		for i := range vals {
			vals[i] = unknownVal
			if i == idx {
				vals[i] = x
			}
		}
	}
	for i, l := range lhs {
		if vals[i] == nil {
			vals[i] = unknownVal
		}
		switch l := ast.Unparen(l).(type) {
		case *ast.Ident:
			if v, ok := info.ObjectOf(l).(*types.Var); ok && v.Parent() != fs.c.pass.Pkg.Scope() {
				fs.set(v, vals[i])
			}
		case *ast.SelectorExpr:
			// cfg.Certificates = ...: a tls.Config followed by the walk
			// gains client certificates.
			id := identOf(l.X)
			if id == nil || !clientCertField(l.Sel.Name) {
				fs.eval(l.X)
				break
			}
			if v, ok := info.Uses[id].(*types.Var); ok && grpcapi.IsTLSConfig(v.Type()) {
				if x, tracked := fs.env[v]; tracked {
					fs.set(v, mapAlts(x, func(a alt) alt { a.b |= bAuth; return a }))
				}
			}
		case *ast.IndexExpr:
			fs.eval(l.Index)
			if id, ok := ast.Unparen(l.X).(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok {
					if _, tracked := fs.env[v]; tracked {
						fs.set(v, unknownVal)
					}
				}
			} else {
				fs.eval(l.X)
			}
		default:
			fs.eval(l)
		}
	}
}

func (fs *funcState) ret(s *ast.ReturnStmt) {
	var vals []val
	for _, e := range s.Results {
		vals = append(vals, fs.eval(e))
	}
	if fs.resIdx < 0 {
		return
	}
	var x val
	switch {
	case len(s.Results) == 0:
		x = fs.lookup(fs.sig.Results().At(fs.resIdx))
	case len(s.Results) == fs.sig.Results().Len():
		x = vals[fs.resIdx]
	case len(s.Results) == 1:
		x = vals[0] // return f(), a call with several results
	default:
		x = unknownVal
	}
	if fs.sh.returns == nil {
		fs.sh.returns = x
	} else {
		fs.sh.returns = join(fs.sh.returns, x)
	}
}

func (fs *funcState) lookup(v *types.Var) val {
	if x, ok := fs.env[v]; ok {
		return x
	}
	if p := fs.param[v]; p > 0 {
		return val{{param: p}}
	}
	if fs.sig != nil {
		for i := 0; i < fs.sig.Params().Len(); i++ {
			if fs.sig.Params().At(i) != v {
				continue
			}
			switch {
			case grpcapi.IsContext(v.Type()):
				return val{{b: bCtxPlain}}
			case connParam(v.Type()):
				return val{{b: bUnknown, cparam: i + 1}}
			}
		}
	}
	if v.Parent() == fs.c.pass.Pkg.Scope() {
		return fs.c.pkgVar(v)
	}
	if v.Pkg() != nil && v.Pkg() != fs.c.pass.Pkg && v.Parent() == v.Pkg().Scope() && !fs.c.assigned[v] {
		var f optsFact
		if fs.c.pass.ImportObjectFact(v, &f) {
			return f.Summary.val("the options of "+v.Pkg().Name()+"."+v.Name(), token.NoPos)
		}
	}
	return unknownVal
}
