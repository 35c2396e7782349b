package dialcreds

import (
	"go/ast"
	"go/types"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// metaCtxUsedLater reports whether the local context given to the dial
// (arg), or one it derives from in the function, carries metadata and is
// used after the dial other than to dial: the metadata then goes with the
// RPCs made on it, and the dial merely shares the context.
func (fs *funcState) metaCtxUsedLater(dial *ast.CallExpr, arg ast.Expr) bool {
	id := identOf(arg)
	if id == nil || fs.body == nil {
		return false
	}
	info := fs.c.pass.TypesInfo
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	if fs.sh.ctxUses == nil {
		fs.sh.ctxUses = make(map[*types.Var][]ast.Node)
		fs.sh.ctxFrom = make(map[*types.Var][]*types.Var)
		fs.sh.dialCtx = make(map[ast.Node]bool)
		ast.Inspect(fs.body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Ident:
				if v, ok := info.Uses[n].(*types.Var); ok && lintutil.IsNamed(v.Type(), "context", "Context", false) {
					fs.sh.ctxUses[v] = append(fs.sh.ctxUses[v], n)
				}
			case *ast.CallExpr:
				if fn := lintutil.Callee(info, n); fn != nil && lintutil.FuncKey(fn) == grpcPath+".DialContext" && len(n.Args) > 0 {
					fs.sh.dialCtx[ast.Unparen(n.Args[0])] = true
				}
			case *ast.AssignStmt:
				if len(n.Rhs) != 1 || len(n.Lhs) == 0 {
					break
				}
				call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr)
				if !ok || len(call.Args) == 0 {
					break
				}
				fn := lintutil.Callee(info, call)
				if fn == nil {
					break
				}
				if a, ok := apis[lintutil.FuncKey(fn)]; !ok || (a.op != opCtxDerive && a.op != opOutgoingMD) {
					break
				}
				lhs, _ := info.ObjectOf(identOf(n.Lhs[0])).(*types.Var)
				parent, _ := info.Uses[identOf(call.Args[0])].(*types.Var)
				if lhs != nil && parent != nil && lhs != parent {
					fs.sh.ctxFrom[lhs] = append(fs.sh.ctxFrom[lhs], parent)
				}
			}
			return true
		})
	}
	seen := map[*types.Var]bool{}
	stack := []*types.Var{v}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[v] {
			continue
		}
		seen[v] = true
		stack = append(stack, fs.sh.ctxFrom[v]...)
		if !fs.env[v].has(bMeta) {
			continue
		}
		if fs.c.escaped[v] {
			return true
		}
		for _, u := range fs.sh.ctxUses[v] {
			if u.Pos() > dial.End() && !fs.sh.dialCtx[u] {
				return true
			}
		}
	}
	return false
}
