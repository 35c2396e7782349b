package dialcreds

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// The rule "metadata on the dial context": the context given to
// grpc.DialContext only bounds the dial; metadata attached to it goes
// with no RPC.

// metadataOnDialContext reports metadata on the context (ctx, the
// argument at ctxIdx) of a dial, unless the function also makes RPCs
// with that context.
func (fs *funcState) metadataOnDialContext(call *ast.CallExpr, entry string, ctx val, ctxIdx int) {
	if ctx == nil || !ctx.has(bMeta) || ctxIdx >= len(call.Args) || fs.metaCtxUsedLater(call, call.Args[ctxIdx]) {
		return
	}
	arg := call.Args[ctxIdx]
	d := analysis.Diagnostic{
		Pos: arg.Pos(), End: arg.End(),
		Message: "metadata attached to the context of " + entry + " is never sent: that context only bounds the dial; attach the metadata to each RPC's context instead",
	}
	for _, a := range ctx {
		if a.b&bMeta != 0 && a.metaAt.IsValid() {
			d.Related = related(a.metaAt, "metadata attached here")
			break
		}
	}
	fs.c.r.Report(d)
}

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
				if v, ok := info.Uses[n].(*types.Var); ok && grpcapi.IsContext(v.Type()) {
					fs.sh.ctxUses[v] = append(fs.sh.ctxUses[v], n)
				}
			case *ast.CallExpr:
				if fn := lintutil.Callee(info, n); fn != nil && lintutil.FuncKey(fn) == grpcapi.GRPC+".DialContext" && len(n.Args) > 0 {
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
