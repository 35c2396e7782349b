package dialcreds

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// ruleDiscardedOption: a credentials or interceptor DialOption, or a
// grpc.PerRPCCredentials call option, built and thrown away (an
// expression statement, or assigned to _).
const ruleDiscardedOption = "discarded-option"

// judgeDiscardedOption judges a call whose result is thrown away.
func (c *checker) judgeDiscardedOption(call *ast.CallExpr) {
	fn := lintutil.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		return
	}
	a, ok := apis[lintutil.FuncKey(fn)]
	if !ok || !a.discardable || !arityOK(fn.Type().(*types.Signature), call) {
		return
	}
	if a.op == opCallCreds {
		c.report(ruleDiscardedOption, analysis.Diagnostic{Pos: call.Pos(), End: call.End(),
			Message: "the CallOption built by " + a.name + " is discarded; pass it to the RPC"})
		return
	}
	c.report(ruleDiscardedOption, analysis.Diagnostic{Pos: call.Pos(), End: call.End(),
		Message: "the DialOption built by " + a.name + " is discarded; pass it to grpc.NewClient"})
}
