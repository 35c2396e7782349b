package dialcreds

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// Per-caller credentials. Credentials attached per call that differ per
// call cannot be attached at the connection, so they are no evidence
// that the package attaches "its" credentials per call: the caller's own
// token forwarded by a proxy (read from the incoming metadata, a context
// value or an HTTP request), or credentials built from a parameter that
// names who the call acts as (a parameter of a struct, pointer, interface
// or other non-string type: a user, a token object, credentials). A
// string parameter is taken as the package's token passed through a
// helper (func WithToken(ctx context.Context, token string)), which is
// evidence.

// maxCallerDepth bounds how deep perCaller follows same-package calls.
const maxCallerDepth = 3

// perCaller reports whether value, at cur, depends on a caller's
// identity: the incoming request or a non-string parameter of the
// function that holds it, directly or through its local variables.
func (c *checker) perCaller(cur inspector.Cursor, value ast.Expr) bool {
	if value == nil {
		return false
	}
	info := c.pass.TypesInfo
	fn, sig := lintutil.EnclosingFunc(info, cur)
	var body *ast.BlockStmt
	switch f := fn.(type) {
	case *ast.FuncDecl:
		body = f.Body
	case *ast.FuncLit:
		body = f.Body
	}
	params := map[*types.Var]bool{}
	if sig != nil {
		for i := 0; i < sig.Params().Len(); i++ {
			params[sig.Params().At(i)] = true
		}
	}
	defs := localDefs(info, body)
	seen := map[*types.Var]bool{}
	var depends func(e ast.Expr) bool
	depends = func(e ast.Expr) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.Ident:
				v, ok := info.Uses[n].(*types.Var)
				if !ok || seen[v] {
					return true
				}
				seen[v] = true
				switch {
				case params[v]:
					found = identityParam(v.Type())
				case defs[v] != nil:
					for _, d := range defs[v] {
						if depends(d) {
							found = true
							break
						}
					}
				}
			case *ast.SelectorExpr:
				if t := info.TypeOf(n.X); t != nil && isRequest(t) {
					found = true
				}
			case *ast.CallExpr:
				found = c.readsCaller(n, 0)
			}
			return !found
		})
		return found
	}
	return depends(value)
}

// identityParam reports whether a parameter of type t names who a call
// acts as: anything but a string, a byte slice or a context.
func identityParam(t types.Type) bool {
	if grpcapi.IsString(t) || grpcapi.IsContext(t) {
		return false
	}
	if sl, ok := t.Underlying().(*types.Slice); ok {
		if b, ok := sl.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
			return false
		}
	}
	if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsNumeric != 0 {
		return false
	}
	return true
}

// isRequest reports whether t is an incoming HTTP request or its header.
func isRequest(t types.Type) bool {
	return lintutil.IsNamed(t, "net/http", "Request", true) || lintutil.IsNamed(t, "net/http", "Header", false)
}

// readsCaller reports whether call reads the caller's identity: the
// incoming metadata, a context value, or a same-package function whose
// body does.
func (c *checker) readsCaller(call *ast.CallExpr, depth int) bool {
	fn := lintutil.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		return false
	}
	switch lintutil.FuncKey(fn) {
	case grpcapi.Metadata + ".FromIncomingContext", grpcapi.Metadata + ".ValueFromIncomingContext", "(context.Context).Value":
		return true
	}
	d := c.decls[fn]
	if d == nil || depth >= maxCallerDepth {
		return false
	}
	if r, ok := c.callers[d]; ok {
		return r
	}
	c.callers[d] = false // cycles
	found := false
	ast.Inspect(d.Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found {
			found = c.readsCaller(call, depth+1)
		}
		return !found
	})
	c.callers[d] = found
	return found
}

// localDefs maps the local variables of body to the expressions assigned
// to them (a call with several results stands for each).
func localDefs(info *types.Info, body *ast.BlockStmt) map[*types.Var][]ast.Expr {
	defs := map[*types.Var][]ast.Expr{}
	if body == nil {
		return defs
	}
	add := func(lhs ast.Expr, rhs ast.Expr) {
		if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
			if v, ok := info.ObjectOf(id).(*types.Var); ok {
				defs[v] = append(defs[v], rhs)
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		lintutil.Assigned(n, add)
		return true
	})
	return defs
}
