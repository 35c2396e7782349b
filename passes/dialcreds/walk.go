package dialcreds

import (
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/flow"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
)

// funcState is one path of the walk of a function: the values of its
// variables and the branch it is in. The paths of one walk share its
// funcWalk.
type funcState struct {
	*funcWalk
	env map[*types.Var]val
	// owned: env is this state's alone. A copy shares its original's env
	// until either writes (own): most branches assign nothing.
	owned bool
	cond  branch // the innermost branch, for messages
	atom  cond   // the innermost branch's condition, or the zero cond
}

// funcWalk is the walk of one function (a declaration, a function
// literal, or a package-level initializer): what its paths share, and
// what they collect together.
type funcWalk struct {
	c      *checker
	fn     *types.Func // nil for closures and package-level initializers
	sig    *types.Signature
	param  map[*types.Var]int // options parameters -> 1 + index
	resIdx int                // index of the summarised result, or -1
	body   *ast.BlockStmt
	skip   bool // in a _test.go file and tests are off: no sites

	returns val
	dialer  *dialerFact
	// Uses of local contexts in body, the contexts each derives from, and
	// the context arguments of DialContext calls, computed by need.
	ctxUses map[*types.Var][]ast.Node
	ctxFrom map[*types.Var][]*types.Var
	dialCtx map[ast.Node]bool
	// streams are the streaming calls on connection or client
	// parameters, by parameter index, for the summary.
	streams map[int][]streamUse
}

func (c *checker) newFunc(fn *types.Func, n ast.Node) *funcState {
	w := &funcWalk{c: c, fn: fn, param: make(map[*types.Var]int), resIdx: -1}
	w.skip = c.r.InTest(n.Pos())
	if fn != nil {
		w.sig = fn.Type().(*types.Signature)
		w.resIdx = resultIndex(w.sig)
	}
	return &funcState{funcWalk: w, env: make(map[*types.Var]val), owned: true}
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
	fs.owned = false // both share env now
	g := *fs
	return &g
}

// own makes fs's env its own before a write.
func (fs *funcState) own() {
	if !fs.owned {
		fs.env = maps.Clone(fs.env)
		fs.owned = true
	}
}

// walkDomain makes funcState the domain of the statement walker: the
// walk forks and joins the environments of its paths, and evaluates the
// expressions of each statement.
type walkDomain struct{}

func (walkDomain) Copy(fs *funcState) *funcState { return fs.fork() }

func (walkDomain) Join(pre *funcState, outs []*funcState) *funcState {
	pre.merge(outs)
	return pre
}

// Branch records the condition of the arm fs enters, for messages and
// for credentials-require-tls's contradictory paths.
func (walkDomain) Branch(fs *funcState, c flow.Cond) {
	switch s := c.Stmt.(type) {
	case *ast.IfStmt:
		br := fs.branchOf(s.Cond)
		if c.Else {
			br = br.not()
		}
		fs.cond, fs.atom = br, fs.condOf(s.Cond, !c.Else)
	case *ast.SwitchStmt:
		cc := c.Clause.(*ast.CaseClause)
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
			if s.Tag != nil {
				parts = append(parts, fs.text(s.Tag)+" == "+fs.text(e))
			} else {
				parts = append(parts, fs.text(e))
			}
		}
		if br := (branch{text: strings.Join(parts, " || ")}); !br.none() {
			fs.cond, fs.atom = br, atom
		}
	}
}

func (walkDomain) Eval(fs *funcState, e ast.Expr, use flow.Use) {
	if use == flow.UseDiscard {
		fs.discard(e)
	}
	fs.eval(e)
}

func (walkDomain) Assign(fs *funcState, a flow.Assignment) {
	info := fs.c.pass.TypesInfo
	switch {
	case a.Tok == token.RANGE:
		for _, e := range a.Lhs {
			if id, ok := e.(*ast.Ident); ok {
				if v, ok := info.ObjectOf(id).(*types.Var); ok {
					fs.set(v, unknownVal)
				}
			}
		}
	case a.Rhs == nil:
		// var x T: the zero value.
		for _, e := range a.Lhs {
			if v, ok := info.Defs[e.(*ast.Ident)].(*types.Var); ok {
				fs.set(v, emptyVal)
			}
		}
	default:
		fs.assign(a.Lhs, a.Rhs, a.Tok)
	}
}

func (walkDomain) Return(fs *funcState, s *ast.ReturnStmt) { fs.ret(s) }

// walk walks a function body from fs.
func (fs *funcState) walk(body *ast.BlockStmt) {
	fs.c.walker.Body(body, fs)
}

// merge joins the environments of the branches that complete, forked
// from fs; a value that gains an insecure transport in a branch is
// tagged with the branch's condition.
func (fs *funcState) merge(branches []*funcState) {
	pre := fs.env
	var out map[*types.Var]val
	for i, b := range branches {
		if b.atom != (cond{}) && b.atom != fs.atom {
			for v, x := range b.env {
				p := pre[v]
				if sameVal(x, p) {
					continue // not assigned in the branch: no alternative is new
				}
				y := mapAlts(x, func(a alt) alt {
					if !slices.ContainsFunc(p, a.same) {
						a.conds = a.conds.and(conds{b.atom})
					}
					return a
				})
				b.own()
				b.env[v] = y
			}
		}
		if !b.cond.none() && !b.cond.same(fs.cond) {
			for v, x := range b.env {
				if x.has(bInsecure) && fs.chosen(v, x, branches, i) {
					b.own()
					b.env[v] = mapAlts(x, func(a alt) alt {
						if a.b&bInsecure != 0 && a.insecCond.none() {
							a.insecCond = b.cond
						}
						return a
					})
				}
			}
		}
	}
	if !slices.ContainsFunc(branches, func(b *funcState) bool { return !sameEnv(b.env, pre) }) {
		return // no branch assigned anything (or there is none): fs keeps its env
	}
	for _, b := range branches {
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
	fs.env, fs.owned = out, true
}

// sameEnv reports whether a and b are one map: a branch that wrote
// nothing shares the environment it was copied from.
func sameEnv(a, b map[*types.Var]val) bool {
	return reflect.ValueOf(a).UnsafePointer() == reflect.ValueOf(b).UnsafePointer()
}

// sameVal reports whether x and y are the same value (one slice): a
// branch that did not assign a variable holds the value it had before.
func sameVal(x, y val) bool {
	return len(x) == len(y) && (len(x) == 0 || &x[0] == &y[0])
}

// chosen reports whether the insecure transport of x, the value of v in
// branch i, is chosen by the branch: another branch that completes holds
// a different value for v.
func (fs *funcState) chosen(v *types.Var, x val, branches []*funcState, i int) bool {
	for j, b := range branches {
		if j == i {
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
	fs.own()
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
				fs.discard(e)
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
	if fs.returns == nil {
		fs.returns = x
	} else {
		fs.returns = join(fs.returns, x)
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
