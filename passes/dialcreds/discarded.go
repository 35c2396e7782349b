package dialcreds

import (
	"go/ast"
	"go/types"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// discarded reports a credentials or interceptor DialOption built and
// thrown away (rule 4).
func (fs *funcState) discarded(e ast.Expr) {
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
		fs.c.r.Reportf(call, "the CallOption built by %s is discarded, so no RPC sends these credentials: pass it to the RPC, or attach the credentials to the connection with grpc.WithPerRPCCredentials", a.name)
		return
	}
	fs.c.r.Reportf(call, "the DialOption built by %s is discarded, so no connection uses it: pass it to grpc.NewClient or append it to the dial options", a.name)
}
