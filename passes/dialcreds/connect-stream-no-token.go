package dialcreds

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// ruleConnectStreamNoToken: a generated Connect client whose only
// credentials are a unary-only token interceptor, used for streaming
// calls (connect.go follows the client and its options).
const ruleConnectStreamNoToken = "connect-stream-no-token"

// judgeConnectStreamNoToken reports tok, the unary-only token
// interceptor of a Connect client, at the streaming calls made on it.
func (s *connectState) judgeConnectStreamNoToken(tok ast.Expr, uses []connectStream) {
	var names []string
	var rel []analysis.RelatedInformation
	for _, u := range uses {
		if len(names) == 0 || names[len(names)-1] != u.method {
			names = append(names, u.method)
		}
		if len(rel) < 3 {
			rel = append(rel, analysis.RelatedInformation{Pos: u.at, Message: "streaming call " + u.method + " here"})
		}
	}
	icpt := types.ExprString(tok)
	if len(icpt) > 40 {
		icpt = icpt[:37] + "..."
	}
	verb := "goes"
	if len(names) > 1 {
		verb = "go"
	}
	s.c.report(ruleConnectStreamNoToken, analysis.Diagnostic{
		Pos: tok.Pos(), End: tok.End(),
		Message: fmt.Sprintf("%s %s out without the token: unary-only interceptor %s; set it in WrapStreamingClient too", lintutil.List(names), verb, icpt),
		Related: rel,
	})
}
