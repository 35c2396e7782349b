package dialcreds

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// Connect (connectrpc.com/connect v1) clients. A generated
// pb.NewXClient(httpClient, url, opts...) is at once the connection and
// the client; its options carry the interceptors, and its http.Client
// may carry credentials of its own (a transport that adds them, as
// oauth2.NewClient's does). What a token is, is what addsToken says:
// here, the auth key set on req.Header().
//
// An interceptor is followed through connect.WithInterceptors,
// WithClientOptions and WithOptions, local variables of one value,
// helpers of the package returning options or interceptors, and, in
// another package, through connectTokenFact. It is unary-only when it
// is a connect.UnaryInterceptorFunc ("no effect on streaming RPCs") or
// its WrapStreamingClient returns next unchanged. Anything else the
// analyzer cannot see keeps the rule silent.

// connectTokenFact is, for a function returning a Connect interceptor
// (or one, func(connect.UnaryFunc) connect.UnaryFunc), whether the
// interceptor adds a token on unary calls only; for a
// WrapStreamingClient method, whether it returns next unchanged; for a
// WrapUnary method, whether it adds a token.
type connectTokenFact struct {
	UnaryToken  bool
	Passthrough bool
}

func (*connectTokenFact) AFact() {}

func (f *connectTokenFact) String() string {
	switch {
	case f.UnaryToken && f.Passthrough:
		return "connect unary token, passthrough"
	case f.UnaryToken:
		return "connect unary token"
	case f.Passthrough:
		return "connect passthrough"
	}
	return "connect"
}

// connectOptKinds are the option constructors of package connect that
// bear on client interceptors; every other one installs none.
var connectOptKinds = map[string]int{
	grpcapi.Connect + ".WithInterceptors":  1,
	grpcapi.Connect + ".WithClientOptions": 2,
	grpcapi.Connect + ".WithOptions":       2,
}

// Plain http.Clients: they add no credentials.
const (
	httpDefaultClient    = "net/http.DefaultClient"
	httpDefaultTransport = "net/http.DefaultTransport"
)

// connectAPIKeys lists the API table keys of the Connect rule.
func connectAPIKeys() []string {
	keys := []string{"(net/http.Header).Set", "(net/http.Header).Add"}
	for k := range connectOptKinds {
		keys = append(keys, k)
	}
	return keys
}

// connectState is one run's Connect client judging.
type connectState struct {
	c      *checker
	info   *types.Info
	insp   *inspector.Inspector
	values map[*types.Var][]ast.Expr // what each variable of the package is given (nil entry: unknown)
	memo   map[*types.Func]*connectTokenFact
}

// icpt is what the analyzer knows of one client interceptor.
type icpt uint8

const (
	icptMay        icpt = iota // may add a token to streams, or unknown
	icptNone                   // unary only, adds no token
	icptUnaryToken             // unary only, adds a token
)

// checkConnectClients runs the Connect client rules.
func (c *checker) checkConnectClients() {
	if !lintutil.Reaches(c.pass, grpcapi.Connect) {
		return
	}
	s := &connectState{c: c, info: c.pass.TypesInfo, insp: lintutil.Inspector(c.pass),
		memo: make(map[*types.Func]*connectTokenFact)}
	if c.decls == nil || len(c.decls) == 0 {
		c.decls = make(map[*types.Func]*ast.FuncDecl)
		for cur := range s.insp.Root().Preorder((*ast.FuncDecl)(nil)) {
			d := cur.Node().(*ast.FuncDecl)
			if fn, ok := s.info.Defs[d.Name].(*types.Func); ok && d.Body != nil {
				c.decls[fn] = d
			}
		}
	}
	s.index()
	for fn, d := range c.decls {
		if f := s.funcFact(fn, d); f != nil && (f.UnaryToken || f.Passthrough) {
			c.pass.ExportObjectFact(fn, f)
		}
	}
	if !lintutil.FactsOnly(c.pass) {
		s.checkClients()
	}
}

// index records every value given to every variable of the package;
// a write the analyzer cannot follow (&v, range, op=) records nil.
func (s *connectState) index() {
	s.values = make(map[*types.Var][]ast.Expr)
	add := func(id ast.Expr, rhs ast.Expr) {
		id = ast.Unparen(id)
		ident, ok := id.(*ast.Ident)
		if !ok {
			return
		}
		v, _ := s.info.ObjectOf(ident).(*types.Var)
		if v != nil {
			s.values[v] = append(s.values[v], rhs)
		}
	}
	for cur := range s.insp.Root().Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.UnaryExpr)(nil), (*ast.RangeStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if len(n.Lhs) == len(n.Rhs) && (n.Tok == token.DEFINE || n.Tok == token.ASSIGN) {
					add(lhs, n.Rhs[i])
				} else {
					add(lhs, nil)
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if len(n.Values) == len(n.Names) {
					add(name, n.Values[i])
				} else if len(n.Values) > 0 {
					add(name, nil)
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				add(n.X, nil)
			}
		case *ast.RangeStmt:
			if n.Key != nil {
				add(n.Key, nil)
			}
			if n.Value != nil {
				add(n.Value, nil)
			}
		}
	}
}

// single returns the one value the variable e names is given in this
// package, or nil.
func (s *connectState) single(e ast.Expr) ast.Expr {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := s.info.Uses[id].(*types.Var)
	if v == nil || v.Pkg() != s.c.pass.Pkg {
		return nil
	}
	vals := s.values[v]
	if len(vals) != 1 {
		return nil
	}
	return vals[0]
}

// checkClients judges every call of a generated NewXClient.
func (s *connectState) checkClients() {
	for cur := range s.insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if _, _, ok := grpcapi.ConnectClientCtor(lintutil.Callee(s.info, call)); !ok || len(call.Args) < 2 || call.Ellipsis.IsValid() || s.c.r.InTest(call.Pos()) {
			continue
		}
		if !s.plainHTTPClient(call.Args[0], 0) {
			continue
		}
		var tok ast.Expr
		known := true
		for _, a := range call.Args[2:] {
			ok := s.options(a, 0, func(e ast.Expr, k icpt) {
				switch k {
				case icptMay:
					known = false
				case icptUnaryToken:
					if tok == nil {
						tok = e
					}
				}
			})
			known = known && ok
		}
		if !known || tok == nil {
			continue
		}
		client := s.clientVar(cur)
		if client == nil {
			continue
		}
		if uses := s.streamCalls(client, 0); len(uses) > 0 {
			s.judgeConnectStreamNoToken(tok, uses)
		}
	}
}

// plainHTTPClient reports whether e is an http.Client that adds no
// credentials: http.DefaultClient, or an http.Client literal (or
// new(http.Client)) without a Transport, or with http.DefaultTransport
// or an http.Transport literal.
func (s *connectState) plainHTTPClient(e ast.Expr, depth int) bool {
	if depth > 4 {
		return false
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch x := e.(type) {
	case *ast.SelectorExpr:
		if v, ok := s.info.Uses[x.Sel].(*types.Var); ok && lintutil.PkgPath(v.Pkg())+"."+v.Name() == httpDefaultClient {
			return true
		}
	case *ast.Ident:
		if rhs := s.single(x); rhs != nil {
			return s.plainHTTPClient(rhs, depth+1)
		}
	case *ast.CallExpr:
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && id.Name == "new" && len(x.Args) == 1 {
			return lintutil.IsNamed(s.info.TypeOf(x.Args[0]), "net/http", "Client", false)
		}
	case *ast.CompositeLit:
		if !lintutil.IsNamed(s.info.TypeOf(x), "net/http", "Client", false) {
			return false
		}
		for _, elt := range x.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				return false
			}
			if key, _ := kv.Key.(*ast.Ident); key != nil && key.Name == "Transport" && !s.plainTransport(kv.Value) {
				return false
			}
		}
		return true
	}
	return false
}

// plainTransport reports whether e is http.DefaultTransport or an
// http.Transport literal.
func (s *connectState) plainTransport(e ast.Expr) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch x := e.(type) {
	case *ast.SelectorExpr:
		v, ok := s.info.Uses[x.Sel].(*types.Var)
		return ok && lintutil.PkgPath(v.Pkg())+"."+v.Name() == httpDefaultTransport
	case *ast.CompositeLit:
		return lintutil.IsNamed(s.info.TypeOf(x), "net/http", "Transport", false)
	}
	return false
}

// options walks the client options e gives, calling found for each
// interceptor; it returns false when some option cannot be seen.
func (s *connectState) options(e ast.Expr, depth int, found func(ast.Expr, icpt)) bool {
	if depth > 6 {
		return false
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.Ident:
		if rhs := s.single(x); rhs != nil {
			return s.options(rhs, depth+1, found)
		}
		return false
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			if !s.options(elt, depth+1, found) {
				return false
			}
		}
		return true
	case *ast.CallExpr:
		fn := lintutil.Callee(s.info, x)
		if fn == nil {
			return false
		}
		if lintutil.PkgPath(fn.Pkg()) == grpcapi.Connect {
			switch connectOptKinds[lintutil.FuncKey(fn)] {
			case 1:
				if x.Ellipsis.IsValid() {
					return false
				}
				for _, a := range x.Args {
					found(a, s.interceptor(a, 0))
				}
				return true
			case 2:
				for _, a := range x.Args {
					if !s.options(a, depth+1, found) {
						return false
					}
				}
				return true
			}
			return true // installs no interceptor
		}
		d := s.c.decls[fn.Origin()]
		if d == nil || fn.Signature().Results().Len() != 1 {
			return false
		}
		for _, ret := range lintutil.Returns(d.Body) {
			if len(ret.Results) != 1 || !s.options(ret.Results[0], depth+1, found) {
				return false
			}
		}
		return true
	}
	return false
}

// interceptor judges a client interceptor expression.
func (s *connectState) interceptor(e ast.Expr, depth int) icpt {
	if depth > 6 {
		return icptMay
	}
	e = ast.Unparen(e)
	t := s.info.TypeOf(e)
	if t == nil {
		return icptMay
	}
	sig, _ := types.Unalias(t).Underlying().(*types.Signature)
	if lintutil.IsNamed(t, grpcapi.Connect, "UnaryInterceptorFunc", false) || isWrapUnary(sig) {
		return s.unaryFunc(e, depth)
	}
	if !types.IsInterface(t) {
		unary, streaming := wrapMethods(t)
		if unary == nil || streaming == nil {
			return icptMay
		}
		if f := s.fact(streaming); f == nil || !f.Passthrough {
			return icptMay
		}
		if f := s.fact(unary); f != nil && f.UnaryToken {
			return icptUnaryToken
		}
		return icptNone
	}
	switch x := e.(type) {
	case *ast.CallExpr:
		if s.info.Types[x.Fun].IsType() && len(x.Args) == 1 {
			return s.interceptor(x.Args[0], depth+1)
		}
		if fn := lintutil.Callee(s.info, x); fn != nil {
			if f := s.fact(fn); f != nil && f.UnaryToken {
				return icptUnaryToken
			}
		}
	case *ast.Ident:
		if rhs := s.single(x); rhs != nil {
			return s.interceptor(rhs, depth+1)
		}
	}
	return icptMay
}

// unaryFunc judges a connect.UnaryInterceptorFunc value: unary only,
// with or without a token.
func (s *connectState) unaryFunc(e ast.Expr, depth int) icpt {
	if depth > 6 {
		return icptNone
	}
	tokenIf := func(ok bool) icpt {
		if ok {
			return icptUnaryToken
		}
		return icptNone
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return tokenIf(s.wrapAddsToken(x.Body))
	case *ast.CallExpr:
		if s.info.Types[x.Fun].IsType() && len(x.Args) == 1 {
			return s.unaryFunc(x.Args[0], depth+1)
		}
		if fn := lintutil.Callee(s.info, x); fn != nil {
			f := s.fact(fn)
			return tokenIf(f != nil && f.UnaryToken)
		}
	case *ast.Ident, *ast.SelectorExpr:
		var obj types.Object
		if id, ok := x.(*ast.Ident); ok {
			obj = s.info.Uses[id]
		} else {
			obj = s.info.Uses[x.(*ast.SelectorExpr).Sel]
		}
		switch o := obj.(type) {
		case *types.Func:
			f := s.fact(o)
			return tokenIf(f != nil && f.UnaryToken)
		case *types.Var:
			if rhs := s.single(x); rhs != nil {
				return s.unaryFunc(rhs, depth+1)
			}
		}
	}
	return icptNone
}

// wrapAddsToken reports whether a func(next connect.UnaryFunc)
// connect.UnaryFunc body returns a function that adds a token.
func (s *connectState) wrapAddsToken(body *ast.BlockStmt) bool {
	for _, ret := range lintutil.Returns(body) {
		if len(ret.Results) != 1 {
			continue
		}
		res := ast.Unparen(ret.Results[0])
		if call, ok := res.(*ast.CallExpr); ok && len(call.Args) == 1 && s.info.Types[call.Fun].IsType() {
			res = ast.Unparen(call.Args[0])
		}
		if lit, ok := res.(*ast.FuncLit); ok && s.c.addsToken(lit.Body, 0) {
			return true
		}
	}
	return false
}

// fact summarizes fn, from its declaration or its connectTokenFact.
func (s *connectState) fact(fn *types.Func) *connectTokenFact {
	fn = fn.Origin()
	if d := s.c.decls[fn]; d != nil {
		return s.funcFact(fn, d)
	}
	if fn.Pkg() == s.c.pass.Pkg {
		return nil
	}
	f := new(connectTokenFact)
	if !s.c.pass.ImportObjectFact(fn, f) {
		return nil
	}
	return f
}

// funcFact summarizes a function of this package.
func (s *connectState) funcFact(fn *types.Func, d *ast.FuncDecl) *connectTokenFact {
	if f, done := s.memo[fn]; done {
		return f
	}
	s.memo[fn] = nil // recursion: unknown
	var f *connectTokenFact
	sig := fn.Signature()
	switch {
	case sig.Recv() != nil && fn.Name() == "WrapStreamingClient":
		f = &connectTokenFact{Passthrough: returnsFirstParam(s.info, d)}
	case isWrapUnary(sig):
		f = &connectTokenFact{UnaryToken: s.wrapAddsToken(d.Body)}
	case sig.Results().Len() == 1 && isConnectInterceptor(sig.Results().At(0).Type()):
		all := true
		n := 0
		for _, ret := range lintutil.Returns(d.Body) {
			if len(ret.Results) != 1 {
				all = false
				continue
			}
			n++
			all = all && s.interceptor(ret.Results[0], 1) == icptUnaryToken
		}
		f = &connectTokenFact{UnaryToken: all && n > 0}
	}
	s.memo[fn] = f
	return f
}

// returnsFirstParam reports whether d's body is exactly "return p", p
// its first parameter.
func returnsFirstParam(info *types.Info, d *ast.FuncDecl) bool {
	ft := d.Type
	if len(d.Body.List) != 1 || ft.Params == nil || len(ft.Params.List) == 0 || len(ft.Params.List[0].Names) == 0 {
		return false
	}
	ret, ok := d.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return false
	}
	id, ok := ast.Unparen(ret.Results[0]).(*ast.Ident)
	p := info.Defs[ft.Params.List[0].Names[0]]
	return ok && p != nil && info.Uses[id] == p
}

// isWrapUnary reports whether sig is func(connect.UnaryFunc)
// connect.UnaryFunc.
func isWrapUnary(sig *types.Signature) bool {
	return sig != nil && sig.Params().Len() == 1 && sig.Results().Len() == 1 &&
		lintutil.IsNamed(sig.Params().At(0).Type(), grpcapi.Connect, "UnaryFunc", false) &&
		lintutil.IsNamed(sig.Results().At(0).Type(), grpcapi.Connect, "UnaryFunc", false)
}

// isConnectInterceptor reports whether t is connect.Interceptor,
// connect.UnaryInterceptorFunc or a type with the methods of one.
func isConnectInterceptor(t types.Type) bool {
	if lintutil.IsNamed(t, grpcapi.Connect, "Interceptor", false) || lintutil.IsNamed(t, grpcapi.Connect, "UnaryInterceptorFunc", false) {
		return true
	}
	u, st := wrapMethods(t)
	return u != nil && st != nil
}

// wrapMethods returns t's WrapUnary and WrapStreamingClient methods
// when it has the three methods of connect.Interceptor.
func wrapMethods(t types.Type) (unary, streaming *types.Func) {
	if _, isPtr := t.(*types.Pointer); !isPtr && !types.IsInterface(t) {
		t = types.NewPointer(t)
	}
	ms := types.NewMethodSet(t)
	find := func(name string) *types.Func {
		for i := 0; i < ms.Len(); i++ {
			if fn, ok := ms.At(i).Obj().(*types.Func); ok && fn.Name() == name {
				return fn
			}
		}
		return nil
	}
	if find("WrapStreamingHandler") == nil {
		return nil, nil
	}
	return find("WrapUnary"), find("WrapStreamingClient")
}

// clientVar returns the local variable holding the client the call at
// cur builds, when that is its only value.
func (s *connectState) clientVar(cur inspector.Cursor) *types.Var {
	var id *ast.Ident
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) == 1 && len(p.Rhs) == 1 {
			id, _ = p.Lhs[0].(*ast.Ident)
		}
	case *ast.ValueSpec:
		if len(p.Names) == 1 && len(p.Values) == 1 {
			id = p.Names[0]
		}
	}
	if id == nil {
		return nil
	}
	v, _ := s.info.ObjectOf(id).(*types.Var)
	if v == nil || v.Parent() == s.c.pass.Pkg.Scope() || len(s.values[v]) != 1 {
		return nil
	}
	return v
}

// connectStream is a streaming call on a Connect client.
type connectStream struct {
	method string
	at     token.Pos
}

// streamCalls returns the streaming calls made on the client in v, in
// the function that holds it and through functions of the package it
// is passed to, in functions that set no auth key on a request header
// themselves (a token per call).
func (s *connectState) streamCalls(v *types.Var, depth int) []connectStream {
	if depth > 3 {
		return nil
	}
	var out []connectStream
	for cur := range s.insp.Root().Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if s.info.Uses[id] != v {
			continue
		}
		switch p := cur.Parent().Node().(type) {
		case *ast.SelectorExpr:
			call, ok := cur.Parent().Parent().Node().(*ast.CallExpr)
			if !ok || call.Fun != p {
				continue
			}
			fn, _ := s.info.Uses[p.Sel].(*types.Func)
			if fn != nil && grpcapi.IsConnectStreamingCall(fn.Signature()) && !s.tokenPerCall(cur) {
				out = append(out, connectStream{method: fn.Name(), at: call.Pos()})
			}
		case *ast.CallExpr:
			fn := lintutil.Callee(s.info, p)
			if fn == nil || p.Ellipsis.IsValid() {
				continue
			}
			d := s.c.decls[fn.Origin()]
			if d == nil {
				continue
			}
			for i, a := range p.Args {
				if a != id || i >= fn.Signature().Params().Len() {
					continue
				}
				param := fn.Signature().Params().At(i)
				if len(s.values[param]) == 0 { // never reassigned
					out = append(out, s.streamCalls(param, depth+1)...)
				}
			}
		}
	}
	return out
}

// tokenPerCall reports whether the function holding cur sets an auth
// key on a request header (req.Header().Set("Authorization", ...)).
func (s *connectState) tokenPerCall(cur inspector.Cursor) bool {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var body *ast.BlockStmt
		switch f := fc.Node().(type) {
		case *ast.FuncDecl:
			body = f.Body
		case *ast.FuncLit:
			body = f.Body
		}
		return s.c.addsToken(body, 3) // this body only, no calls followed
	}
	return false
}
