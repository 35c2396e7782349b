package serverauth

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// rulePlainAuthError: an auth failure returned as a plain error, which
// grpc-go sends as codes.Unknown.
const rulePlainAuthError = "plain-auth-error"

// checkAuthCodes reports plain errors returned by auth interceptors
// before they call their handler, and by the AuthFuncs given to
// go-grpc-middleware's auth interceptors, which return them as they
// are: grpc-go sends a non-status error as codes.Unknown.
func (c *checker) checkAuthCodes() {
	seen := make(map[ast.Node]bool)
	check := func(sig *types.Signature, body *ast.BlockStmt, interceptor bool) {
		if sig == nil || body == nil || seen[body] || c.r.InTest(body.Pos()) {
			return
		}
		seen[body] = true
		n := sig.Results().Len()
		if n == 0 || !grpcapi.IsError(sig.Results().At(n-1).Type()) {
			return
		}
		limit := body.End()
		if interceptor {
			if !c.checks(sig, body) {
				return
			}
			limit = firstHandlerCall(c.info, sig, body)
		}
		for _, ret := range returnStmts(body) {
			if len(ret.Results) != n || ret.Pos() >= limit {
				continue
			}
			if res := ret.Results[n-1]; c.plainError(res, 0) && c.once(rulePlainAuthError, res.Pos()) {
				c.r.Reportf(res, "auth failure is a plain error (%s); return status.Error(%s, ...)", grpcapi.CodeUnknown, grpcapi.CodeUnauthenticated)
			}
		}
	}
	for cur := range c.insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.CallExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			if fn, ok := c.info.Defs[n.Name].(*types.Func); ok {
				sig := fn.Type().(*types.Signature)
				if grpcapi.ServerInterceptor(sig) != 0 {
					check(sig, n.Body, true)
				}
			}
		case *ast.FuncLit:
			if sig, ok := c.info.TypeOf(n).(*types.Signature); ok && grpcapi.ServerInterceptor(sig) != 0 {
				check(sig, n.Body, true)
			}
		case *ast.CallExpr:
			fn := lintutil.Callee(c.info, n)
			if fn == nil || !slices.Contains(libraryAuth, lintutil.FuncKey(fn)) || len(n.Args) != 1 {
				continue
			}
			switch a := ast.Unparen(n.Args[0]).(type) {
			case *ast.FuncLit:
				sig, _ := c.info.TypeOf(a).(*types.Signature)
				check(sig, a.Body, false)
			case *ast.Ident, *ast.SelectorExpr:
				var obj types.Object
				if id, ok := a.(*ast.Ident); ok {
					obj = c.info.Uses[id]
				} else {
					obj = c.info.Uses[a.(*ast.SelectorExpr).Sel]
				}
				if f, ok := obj.(*types.Func); ok {
					if d := c.decls[f.Origin()]; d != nil {
						check(f.Type().(*types.Signature), d.Body, false)
					}
				}
			}
		}
	}
}

// plainError reports whether e is certainly an error without a gRPC
// status: errors.New, fmt.Errorf without %w, or a package variable of
// this package holding one.
func (c *checker) plainError(e ast.Expr, depth int) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := lintutil.Callee(c.info, x)
		if fn == nil {
			return false
		}
		switch lintutil.FuncKey(fn) {
		case "errors.New":
			return true
		case "fmt.Errorf":
			if len(x.Args) == 0 {
				return false
			}
			format, ok := lintutil.ConstString(c.info, x.Args[0])
			return ok && !strings.Contains(format, "%w")
		}
	case *ast.Ident, *ast.SelectorExpr:
		v := c.varOf(x)
		if depth > 0 || v == nil || !isPkgVar(v) || v.Pkg() != c.pass.Pkg {
			return false
		}
		if rhs, idx, ok := c.singleValue(v); ok && idx < 0 {
			return c.plainError(rhs, depth+1)
		}
	}
	return false
}
