package dialcreds

import (
	"go/ast"
	"go/types"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// The rule "discarded options": a credentials or interceptor
// DialOption, or a grpc.PerRPCCredentials call option, built and thrown
// away (an expression statement, or assigned to _).

// discardedOption reports e when it builds such an option.
func (fs *funcState) discardedOption(e ast.Expr) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || fs.skip {
		return
	}
	fn := lintutil.Callee(fs.c.pass.TypesInfo, call)
	if fn == nil {
		return
	}
	a, ok := apis[lintutil.FuncKey(fn)]
	if !ok || !a.discardable || !arityOK(fn.Type().(*types.Signature), call) {
		return
	}
	if a.op == opCallCreds {
		fs.c.r.Reportf(call, "no RPC sends these credentials: the CallOption built by %s is discarded; pass it to the RPC", a.name)
		return
	}
	fs.c.r.Reportf(call, "no connection uses this option: the DialOption built by %s is discarded; pass it to grpc.NewClient", a.name)
}
