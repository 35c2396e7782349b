package serverauth

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// What counts as authentication: a function that reads an auth key
// (authorization and -auth-key) from incoming metadata, checks the
// peer's TLS or ALTS auth info, or rejects with codes.Unauthenticated or
// codes.PermissionDenied, itself or through a function it calls (in this
// package, or in another through its authFact); and the interceptors
// of go-grpc-middleware's auth packages and of -interceptor.
//
// In an interceptor, only what happens before it calls its handler
// counts: an interceptor that maps the handler's errors to codes
// afterwards does not authenticate.

// funcAuth returns what fn does for authentication.
func (c *checker) funcAuth(fn *types.Func) authFact {
	if fn == nil {
		return authFact{}
	}
	fn = fn.Origin()
	key := lintutil.FuncKey(fn)
	sig, _ := fn.Type().(*types.Signature)
	if c.opts.interceptor[key] {
		if sig != nil && grpcapi.ServerInterceptor(sig) != 0 {
			return authFact{Checks: true}
		}
		return authFact{Returns: true}
	}
	if slices.Contains(libraryAuth, key) {
		return authFact{Returns: true}
	}
	if slices.Contains(authReaders, key) {
		return authFact{Checks: true}
	}
	if decl := c.decls[fn]; decl != nil {
		if f, done := c.auth[fn]; done {
			if f == nil { // recursion: what is known so far
				return authFact{}
			}
			return *f
		}
		c.auth[fn] = nil
		f := c.bodyAuth(sig, decl.Body)
		c.auth[fn] = &f
		return f
	}
	if fn.Pkg() == c.pass.Pkg {
		return authFact{} // no body
	}
	var f authFact
	if c.pass.ImportObjectFact(fn, &f) {
		return f
	}
	return authFact{}
}

// bodyAuth judges a function body of signature sig.
func (c *checker) bodyAuth(sig *types.Signature, body *ast.BlockStmt) authFact {
	if sig == nil || body == nil {
		return authFact{}
	}
	f := authFact{Checks: c.checks(sig, body)}
	if !f.Checks && grpcapi.ServerInterceptor(sig) != 0 {
		f.ChecksSome = c.checksUntil(body, lastHandlerCall(c.info, sig, body))
	}
	if returnsInterceptor(sig) {
		for _, res := range returnedExprs(body, sig.Results().Len()) {
			if _, ok := c.authInterceptor(res, 0); ok {
				f.Returns = true
			} else if _, ok := c.gateInterceptor(res, 0); ok {
				f.ReturnsSome = true
			}
		}
		f.ReturnsSome = f.ReturnsSome && !f.Returns
	}
	return f
}

// returnsInterceptor reports whether sig has a server interceptor
// result.
func returnsInterceptor(sig *types.Signature) bool {
	for i := 0; i < sig.Results().Len(); i++ {
		if isInterceptorType(sig.Results().At(i).Type()) != 0 {
			return true
		}
	}
	return false
}

// isInterceptorType reports which half a function type t intercepts
// on a server.
func isInterceptorType(t types.Type) grpcapi.Half {
	sig, ok := types.Unalias(t).Underlying().(*types.Signature)
	if !ok {
		return 0
	}
	return grpcapi.ServerInterceptor(sig)
}

// returnedExprs returns the result expressions of body's return
// statements (not those of nested function literals) when the function
// has n results; a return of a tuple-valued call yields nothing.
func returnedExprs(body *ast.BlockStmt, n int) []ast.Expr {
	var out []ast.Expr
	for _, ret := range lintutil.Returns(body) {
		if len(ret.Results) == n {
			out = append(out, ret.Results...)
		}
	}
	return out
}

// checks reports whether body authenticates before it calls its
// handler (when sig is an interceptor's).
func (c *checker) checks(sig *types.Signature, body *ast.BlockStmt) bool {
	return c.checksUntil(body, firstHandlerCall(c.info, sig, body))
}

// checksUntil reports whether body authenticates before limit.
func (c *checker) checksUntil(body *ast.BlockStmt, limit token.Pos) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if _, isLit := n.(*ast.FuncLit); found || isLit || n == nil || n.Pos() >= limit {
			return false // a closure's body runs when it is called, if ever
		}
		found = c.authSignal(n)
		return !found
	})
	return found
}

// firstHandlerCall returns the position of the first call of the
// handler parameter of an interceptor (or the end of body).
func firstHandlerCall(info *types.Info, sig *types.Signature, body *ast.BlockStmt) token.Pos {
	first, _ := handlerCalls(info, sig, body)
	return first
}

// lastHandlerCall returns the position of the last call of the handler
// parameter of an interceptor (or the end of body).
func lastHandlerCall(info *types.Info, sig *types.Signature, body *ast.BlockStmt) token.Pos {
	_, last := handlerCalls(info, sig, body)
	return last
}

// handlerCalls returns the positions of the first and the last call of
// the handler parameter of an interceptor (both the end of body when
// there is none).
func handlerCalls(info *types.Info, sig *types.Signature, body *ast.BlockStmt) (first, last token.Pos) {
	var handler *types.Var
	if grpcapi.ServerInterceptor(sig) != 0 {
		handler = handlerParam(sig)
	}
	first, last = body.End(), token.NoPos
	if handler != nil {
		ast.Inspect(body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && info.Uses[id] == handler {
					first, last = min(first, call.Pos()), max(last, call.Pos())
				}
			}
			return true
		})
	}
	if last == token.NoPos {
		last = body.End()
	}
	return first, last
}

// authSignal reports whether node alone shows authentication.
func (c *checker) authSignal(n ast.Node) bool {
	switch x := n.(type) {
	case *ast.CallExpr:
		fn := lintutil.Callee(c.info, x)
		if fn == nil {
			return false
		}
		key := lintutil.FuncKey(fn)
		if arg, ok := metadataReaders[key]; ok {
			return len(x.Args) > arg && c.isAuthKey(x.Args[arg])
		}
		if c.opts.interceptor[key] || slices.Contains(libraryAuth, key) {
			return false // building an interceptor is not calling it
		}
		return c.funcAuth(fn).Checks
	case *ast.IndexExpr:
		return lintutil.IsNamed(c.info.TypeOf(x.X), metadataPath, "MD", false) && c.isAuthKey(x.Index)
	case *ast.SelectorExpr:
		return lintutil.FieldKey(c.info.Selections[x]) == peerAuthInfo
	case *ast.Ident:
		k, ok := c.info.Uses[x].(*types.Const)
		return ok && authCodes[lintutil.PkgPath(k.Pkg())+"."+k.Name()]
	}
	return false
}

// authCodes are the status codes of auth failures.
var authCodes = map[string]bool{
	grpcapi.Codes + ".Unauthenticated":        true,
	grpcapi.Codes + ".PermissionDenied":       true,
	grpcapi.Connect + ".CodeUnauthenticated":  true,
	grpcapi.Connect + ".CodePermissionDenied": true,
}

// isAuthKey reports whether e is a constant naming an auth key (in any
// case: md["Authorization"] never matches, but it means to).
func (c *checker) isAuthKey(e ast.Expr) bool {
	s, ok := lintutil.ConstString(c.info, e)
	return ok && c.opts.authKeys[strings.ToLower(s)]
}

// authInterceptor reports whether the interceptor expression e
// authenticates, and names it for messages.
func (c *checker) authInterceptor(e ast.Expr, depth int) (string, bool) {
	return c.interceptorAuth(e, depth, false)
}

// gateInterceptor reports whether the interceptor expression e rejects
// callers without a token for some methods at least: an auth
// interceptor, one that skips the check for some methods before it (an
// early return calling its handler), or a fail-open one (the methods its
// table lists); and names it.
func (c *checker) gateInterceptor(e ast.Expr, depth int) (string, bool) {
	if name, ok := c.interceptorAuth(e, depth, true); ok {
		return name, true
	}
	if f := c.exprFailOpen(e, depth); f != nil && f.Half == grpcapi.Unary {
		if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
			return exprName(call.Fun) + "(...)", true
		}
		return exprName(e), true
	}
	return "", false
}

// interceptorAuth is authInterceptor, or gateInterceptor's first half
// when some: an interceptor that authenticates before a later call of
// its handler counts.
func (c *checker) interceptorAuth(e ast.Expr, depth int, some bool) (string, bool) {
	if depth > 4 {
		return "", false
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.FuncLit:
		sig, _ := c.info.TypeOf(x).(*types.Signature)
		if sig != nil && grpcapi.ServerInterceptor(sig) != 0 {
			if f := c.bodyAuth(sig, x.Body); f.Checks || some && f.ChecksSome {
				return "func literal", true
			}
		}
	case *ast.CallExpr:
		if tv, ok := c.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return c.interceptorAuth(x.Args[0], depth+1, some) // grpc.UnaryServerInterceptor(f)
		}
		if fn := lintutil.Callee(c.info, x); fn != nil {
			if f := c.funcAuth(fn); f.Returns || some && f.ReturnsSome {
				return exprName(x.Fun) + "(...)", true
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		switch o := c.usedObject(x).(type) {
		case *types.Func:
			sig, _ := o.Type().(*types.Signature)
			if sig != nil && grpcapi.ServerInterceptor(sig) != 0 {
				if f := c.funcAuth(o); f.Checks || some && f.ChecksSome {
					return exprName(x), true
				}
			}
		case *types.Var:
			if o.Pkg() != c.pass.Pkg {
				return "", false
			}
			if rhs, idx, ok := c.singleValue(o); ok && idx < 0 {
				if _, auth := c.interceptorAuth(rhs, depth+1, some); auth {
					return exprName(x), true
				}
			}
		}
	}
	return "", false
}

// exprName renders a short expression for messages.
func exprName(e ast.Expr) string {
	s := types.ExprString(e)
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return s
}
