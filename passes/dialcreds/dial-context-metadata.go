package dialcreds

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// ruleDialContextMetadata: metadata attached to the context given to
// grpc.DialContext. That context only bounds the dial: its metadata goes
// with no RPC, unless the function also makes RPCs with it after
// dialing.
const ruleDialContextMetadata = "dial-context-metadata"

// judgeDialContextMetadata judges the context of a connection.
func (c *checker) judgeDialContextMetadata(d *dialSite) {
	if d.ctx == nil || !d.ctx.has(bMeta) || c.metaCtxUsedLater(d) {
		return
	}
	arg := d.ctxArg
	r := analysis.Diagnostic{
		Pos: arg.Pos(), End: arg.End(),
		Message: "metadata attached to the context of " + d.entry + " is never sent; attach it to each RPC's context",
	}
	for _, a := range d.ctx {
		if a.b&bMeta != 0 && a.metaAt.IsValid() {
			r.Related = related(a.metaAt, "metadata attached here")
			break
		}
	}
	c.report(ruleDialContextMetadata, r)
}

// metaCtxUsedLater reports whether the local context given to the dial
// (arg), or one it derives from in the function, carries metadata and is
// used after the dial other than to dial: the metadata then goes with the
// RPCs made on it, and the dial merely shares the context.
func (c *checker) metaCtxUsedLater(d *dialSite) bool {
	dial, fs := d.call, d.w
	id := identOf(d.ctxArg)
	if id == nil || fs.body == nil {
		return false
	}
	info := c.pass.TypesInfo
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	if fs.ctxUses == nil {
		fs.ctxUses = make(map[*types.Var][]ast.Node)
		fs.ctxFrom = make(map[*types.Var][]*types.Var)
		fs.dialCtx = make(map[ast.Node]bool)
		ast.Inspect(fs.body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Ident:
				if v, ok := info.Uses[n].(*types.Var); ok && grpcapi.IsContext(v.Type()) {
					fs.ctxUses[v] = append(fs.ctxUses[v], n)
				}
			case *ast.CallExpr:
				if fn := lintutil.Callee(info, n); fn != nil && lintutil.FuncKey(fn) == grpcapi.GRPC+".DialContext" && len(n.Args) > 0 {
					fs.dialCtx[ast.Unparen(n.Args[0])] = true
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
					fs.ctxFrom[lhs] = append(fs.ctxFrom[lhs], parent)
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
		stack = append(stack, fs.ctxFrom[v]...)
		if !d.metaVars[v] {
			continue
		}
		if c.escaped[v] {
			return true
		}
		for _, u := range fs.ctxUses[v] {
			if u.Pos() > dial.End() && !fs.dialCtx[u] {
				return true
			}
		}
	}
	return false
}
