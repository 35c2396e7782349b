package tokenrefresh

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	writeindex "github.com/grpcauthlint/grpcauthlint/passes/internal/flow"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// valKind is what a tracked value is.
type valKind int

const (
	kToken  valKind = iota // *oauth2.Token, *auth.Token or a user fetcher's value
	kString                // the access-token string, or a string built from it
	kHolder                // a value holding the string: literal, local struct, MD, slice
	kFrozen                // the result of a frozen sink, or a value built from it
)

// sink is where a fetched token is frozen.
type sink struct {
	pos    token.Pos
	what   string // "oauth.NewOauthAccess", "package variable bearer", ...
	static bool   // the token itself reached a wrapper that never refreshes
}

// flow follows the values of one fetch through its function.
type flow struct {
	c          *checker
	ft         fetch
	decl       *ast.FuncDecl // the function holding the fetch
	seen       map[flowKey]bool
	sink       *sink
	kept       bool      // (sub-flows of frozen sinks) the frozen value outlives the call
	wrapResult int       // result of decl returning the fetched value, or -1
	wrapKind   valKind   // what that result is: kToken, kString or kHolder
	start      token.Pos // where the followed value comes from

	// Parameter mode: following a parameter of decl to summarize it.
	param        bool
	recvStore    bool // stored in the receiver's fields
	holderResult int  // result holding it in a struct, or -1
	frozenResult int  // (sub-flows) result carrying frozen credentials, or -1
	frozenBy     string
}

type flowKey struct {
	n ast.Node
	k valKind
}

func (c *checker) newFlow(decl *ast.FuncDecl, start token.Pos, param bool) *flow {
	return &flow{c: c, decl: decl, start: start, param: param, seen: make(map[flowKey]bool),
		wrapResult: -1, holderResult: -1, frozenResult: -1}
}

func (c *checker) follow(ft fetch) *flow {
	f := c.newFlow(nil, ft.call.Pos(), false)
	f.ft = ft
	f.decl = lintutil.EnclosingFuncDecl(ft.cur)
	f.value(ft.cur, ft.val, ft.result)
	return f
}

func (f *flow) record(s sink) {
	if f.sink == nil || s.pos < f.sink.pos {
		f.sink = &s
	}
}

// value follows the value of kind k produced by the expression at cur
// (result idx of a tuple-valued call).
func (f *flow) value(cur inspector.Cursor, k valKind, idx int) {
	if f.seen[flowKey{cur.Node(), k}] {
		return
	}
	f.seen[flowKey{cur.Node(), k}] = true
	info := f.c.info
	parent := cur.Parent()
	kind, _ := cur.ParentEdge()
	switch p := parent.Node().(type) {
	case *ast.ParenExpr:
		f.value(parent, k, idx)
	case *ast.StarExpr:
		if k == kToken || k == kHolder {
			f.value(parent, k, idx)
		}
	case *ast.UnaryExpr:
		if p.Op == token.AND {
			f.value(parent, k, idx)
		}
	case *ast.SelectorExpr:
		if kind != edge.SelectorExpr_X || k != kToken {
			return
		}
		if isField(info.Selections[p], roleAccessField) {
			f.value(parent, kString, 0)
		}
	case *ast.BinaryExpr:
		if k == kString && p.Op == token.ADD {
			f.value(parent, kString, 0)
		}
	case *ast.CallExpr:
		if kind == edge.CallExpr_Args {
			_, i := cur.ParentEdge()
			f.arg(parent, p, i, k)
		}
	case *ast.KeyValueExpr:
		if kind == edge.KeyValueExpr_Value {
			if lit := parent.Parent(); isNode[*ast.CompositeLit](lit) {
				f.elem(lit, k)
			}
		}
	case *ast.CompositeLit:
		if kind == edge.CompositeLit_Elts {
			f.elem(parent, k)
		}
	case *ast.AssignStmt:
		if kind != edge.AssignStmt_Rhs {
			return
		}
		var lhs ast.Expr
		switch {
		case len(p.Rhs) == 1 && len(p.Lhs) > 1:
			if isTuple(info, cur) && idx < len(p.Lhs) {
				lhs = p.Lhs[idx]
			}
		default:
			i := parentIndex(cur)
			if idx == 0 && i < len(p.Lhs) {
				lhs = p.Lhs[i]
			}
		}
		if lhs != nil && (p.Tok == token.ASSIGN || p.Tok == token.DEFINE || p.Tok == token.ADD_ASSIGN && k == kString) {
			f.store(parent, lhs, k)
		}
	case *ast.ValueSpec:
		if kind != edge.ValueSpec_Values {
			return
		}
		var name *ast.Ident
		if len(p.Values) == 1 && len(p.Names) > 1 {
			if isTuple(info, cur) && idx < len(p.Names) {
				name = p.Names[idx]
			}
		} else if i := parentIndex(cur); idx == 0 && i < len(p.Names) {
			name = p.Names[i]
		}
		if name != nil {
			f.store(parent, name, k)
		}
	case *ast.ReturnStmt:
		f.ret(parent, p, cur, k, idx)
	}
}

// isTuple reports whether the expression at cur has several values (a
// call); anything else assigned to several variables is a type error.
func isTuple(info *types.Info, cur inspector.Cursor) bool {
	_, ok := info.TypeOf(cur.Node().(ast.Expr)).(*types.Tuple)
	return ok
}

func isNode[T ast.Node](cur inspector.Cursor) bool {
	_, ok := cur.Node().(T)
	return ok
}

func parentIndex(cur inspector.Cursor) int {
	_, i := cur.ParentEdge()
	return i
}

// elem follows a value of kind k that is an element of the literal at lit.
func (f *flow) elem(lit inspector.Cursor, k valKind) {
	switch k {
	case kString, kHolder:
		t := f.c.info.TypeOf(lit.Node().(ast.Expr))
		if k == kString && t != nil && isTokenType(t) {
			f.value(lit, kToken, 0) // a token built from the string
			return
		}
		if name := refresherType(t); name != "" {
			f.record(sink{pos: lit.Node().Pos(), what: "a " + name + " value"})
			return
		}
		f.value(lit, kHolder, 0)
	case kFrozen:
		f.value(lit, kFrozen, 0)
	}
	// A literal holding the *oauth2.Token keeps its refresh token.
}

// arg follows a value of kind k passed to call.
func (f *flow) arg(cur inspector.Cursor, call *ast.CallExpr, argIndex int, k valKind) {
	info := f.c.info
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		f.value(cur, k, 0) // conversion
		return
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			if b.Name() == "append" && k != kToken {
				if k == kString {
					k = kHolder
				}
				f.value(cur, k, 0)
			}
			return
		}
	}
	fn := lintutil.Callee(info, call)
	var a api
	if fn != nil {
		a, _ = lookup(fn, roleFrozen|roleHeaderSetter|roleStringBuilder|roleHolderBuilder)
		if sum := f.c.summaryOf(fn, call, argIndex); sum != nil && sum.kind() == k {
			f.summarized(cur, call, fn, sum)
			return
		}
	}
	switch k {
	case kToken:
		if a.role == roleFrozen {
			f.frozen(cur, 0, lintutil.ShortKey(lintutil.FuncKey(fn)), call.Pos())
		}
		// Refresh-capable uses (Config.TokenSource, Config.Client,
		// ReuseTokenSource...) and unknown calls: not frozen here.
	case kString, kHolder:
		switch a.role {
		case roleHeaderSetter:
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				x := ast.Unparen(sel.X)
				if _, ok := x.(*ast.Ident); ok {
					f.storeInto(cur, x, "the receiver's headers")
				} else {
					f.store(cur, x, kHolder)
				}
			}
		case roleStringBuilder:
			f.value(cur, kString, 0)
		case roleHolderBuilder:
			f.value(cur, kHolder, 0)
		}
	case kFrozen:
		// Whatever a call builds from frozen credentials (a dial option,
		// a connection, a client) carries them; a call with no result
		// is an unknown consumer: silent.
		// Method calls (an RPC taking a call option) and results that
		// are values, not carriers, end the flow.
		if fn == nil || fn.Type().(*types.Signature).Recv() != nil {
			return
		}
		sig := fn.Type().(*types.Signature)
		if sig.Results().Len() == 0 {
			return
		}
		r0 := sig.Results().At(0).Type()
		if _, basic := r0.Underlying().(*types.Basic); basic || grpcapi.IsError(r0) || isProto(r0) {
			return
		}
		f.value(cur, kFrozen, 0)
	}
}

// frozen follows the frozen credentials that the call at cur builds
// (result idx), named name, and records the token as frozen at pos when
// they are kept.
func (f *flow) frozen(cur inspector.Cursor, idx int, name string, pos token.Pos) {
	sub := f.c.newFlow(f.decl, f.start, f.param)
	sub.ft = f.ft
	sub.value(cur, kFrozen, idx)
	switch {
	case sub.kept:
		f.record(sink{pos: pos, what: name, static: true})
	case sub.frozenResult >= 0 && f.frozenResult < 0:
		f.frozenResult, f.frozenBy = sub.frozenResult, name
	}
}

// local follows the uses of local variable v holding a value of kind k.
func (f *flow) local(v *types.Var, k valKind) {
	for _, use := range f.c.uses[v] {
		if k == kToken || k == kString {
			// Captured by a client interceptor declared after the
			// fetch: the interceptor sends the same token on every RPC.
			for e := range use.Enclosing((*ast.FuncLit)(nil)) {
				lit := e.Node().(*ast.FuncLit)
				if v.Pos() < lit.Pos() && f.start < lit.Pos() && writeindex.WriteIndex(f.c.pass).WrittenOnce(v) && f.c.isRefresher(lit) {
					if k == kString || f.usesAccess(use) {
						f.record(sink{pos: use.Node().Pos(), what: "a client interceptor closure capturing it"})
					}
				}
				break
			}
		}
		f.value(use, k, 0)
	}
}

// usesAccess reports whether the token at use is read for its access
// token.
func (f *flow) usesAccess(use inspector.Cursor) bool {
	p := use.Parent()
	for isNode[*ast.ParenExpr](p) || isNode[*ast.StarExpr](p) {
		p = p.Parent()
	}
	sel, ok := p.Node().(*ast.SelectorExpr)
	if !ok {
		return false
	}
	return isField(f.c.info.Selections[sel], roleAccessField)
}

// resultIndex returns the index of v among the named results of the
// function holding the flow, or -1.
func (f *flow) resultIndex(v *types.Var) int {
	if f.decl == nil {
		return -1
	}
	obj, _ := f.c.info.Defs[f.decl.Name].(*types.Func)
	if obj == nil {
		return -1
	}
	res := obj.Type().(*types.Signature).Results()
	for i := 0; i < res.Len(); i++ {
		if res.At(i) == v {
			return i
		}
	}
	return -1
}

// wrap records that the function holding the fetch returns its value.
func (f *flow) wrap(i int, k valKind) {
	if f.wrapResult < 0 {
		f.wrapResult, f.wrapKind = i, k
	}
}

// foreign reports whether t is a named type of another package than the
// function holding the flow: a value the function builds for another
// library, which calls it (or has it called) whenever it needs a token.
func (f *flow) foreign(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg() != f.c.pass.Pkg
}

// perUse reports whether t, a named type of this package returned by d
// with the fetched token in it, is a value built for one use rather
// than the package's long-lived state: t is named for a token,
// credentials or a configuration (AccessToken, Credentials, Config), or
// d is named like a refresher (Token, GetToken, FetchCredentials; not
// NewClientWithToken). A type named for a client, a connection, a
// service or a session is long-lived whatever returns it.
func (f *flow) perUse(d *ast.FuncDecl, t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() != f.c.pass.Pkg {
		return false
	}
	tw := lintutil.SplitWords(n.Obj().Name())
	if len(tw) == 0 || slices.Contains(longLivedWords, tw[len(tw)-1]) {
		return false
	}
	if last := tw[len(tw)-1]; slices.Contains(tokenWords, last) || last == "config" || last == "configuration" {
		return true
	}
	fw := lintutil.SplitWords(d.Name.Name)
	return len(fw) > 0 && slices.Contains(tokenWords, fw[len(fw)-1]) && !slices.Contains(fw, "with")
}

// tokenWords end the names of tokens and credentials, and of the
// functions that fetch them; longLivedWords, those of types built once
// and kept.
var (
	tokenWords     = []string{"token", "tokens", "credential", "credentials", "creds"}
	longLivedWords = []string{"client", "api", "conn", "connection", "service", "session", "server", "source", "provider"}
)

// ret follows a value of kind k returned at rs.
func (f *flow) ret(cur inspector.Cursor, rs *ast.ReturnStmt, val inspector.Cursor, k valKind, idx int) {
	var encl ast.Node
	for e := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		encl = e.Node()
		break
	}
	d, ok := encl.(*ast.FuncDecl)
	if !ok {
		// Returned from a closure: followed only when the closure is
		// called in place (func() T { ... }()).
		lit, _ := encl.(*ast.FuncLit)
		if lit == nil {
			return
		}
		for e := range cur.Enclosing((*ast.FuncLit)(nil)) {
			if p := e.Parent(); isNode[*ast.CallExpr](p) && ast.Unparen(p.Node().(*ast.CallExpr).Fun) == lit {
				i := idx
				if len(rs.Results) > 1 {
					i = parentIndex(val)
				}
				f.value(p, k, i)
			}
			break
		}
		return
	}
	// Returns that do not match the signature (type errors): unknown.
	var want int
	if obj, ok := f.c.info.Defs[d.Name].(*types.Func); ok {
		want = obj.Type().(*types.Signature).Results().Len()
	}
	i := parentIndex(val)
	if len(rs.Results) == 1 {
		i = idx
		n := 1
		if tup, ok := f.c.info.TypeOf(val.Node().(ast.Expr)).(*types.Tuple); ok {
			n = tup.Len()
		}
		if n != want {
			return
		}
	} else if len(rs.Results) != want {
		return
	}
	t := f.c.info.TypeOf(val.Node().(ast.Expr))
	if tup, ok := t.(*types.Tuple); ok && i < tup.Len() {
		t = tup.At(i).Type()
	}
	f.returned(d, i, t, val.Node().Pos(), k)
}

// returned follows a value of kind k and type t returned as result i of
// d (at pos).
func (f *flow) returned(d *ast.FuncDecl, i int, t types.Type, pos token.Pos, k valKind) {
	switch k {
	case kToken, kString:
		if d == f.decl {
			f.wrap(i, k)
		}
	case kHolder:
		// A struct literal (or a local struct) returned keeps the
		// access token; maps and slices returned are taken to be the
		// headers of the current call.
		if t == nil {
			return
		}
		t = lintutil.Deref(t)
		if _, ok := t.Underlying().(*types.Struct); ok && !isProto(t) {
			what := "a value returned by " + d.Name.Name
			guarded := false
			if n, ok := types.Unalias(t).(*types.Named); ok {
				what = "the " + n.Origin().Obj().Name() + " returned by " + d.Name.Name
				guarded = f.c.gtypes[n.Origin().Obj()]
			}
			switch {
			case guarded:
			case f.param && d == f.decl:
				if f.holderResult < 0 {
					f.holderResult = i
				}
			case d == f.decl && (f.foreign(t) || f.perUse(d, t)):
				// Another library's value built per use (a Kafka
				// access token, a Kubernetes rest.Config), or one of
				// this package's own built so (a Config, an
				// AccessToken): the function is a fetcher, judged at
				// its callers.
				f.wrap(i, kHolder)
			default:
				f.record(sink{pos: pos, what: what})
			}
		}
	case kFrozen:
		if f.param && d == f.decl {
			if f.frozenResult < 0 {
				f.frozenResult = i
			}
			return
		}
		f.kept = true
	}
}
