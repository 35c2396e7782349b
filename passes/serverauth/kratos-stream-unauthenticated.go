package serverauth

import (
	"fmt"
	"go/ast"

	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// ruleKratosStreamUnauthenticated: a kratos grpc.NewServer whose auth
// is unary-only (grpc.Middleware, grpc.UnaryInterceptor) and nothing on
// the stream side, on a server that registers a streaming service
// (kratos.go reads the options).
const ruleKratosStreamUnauthenticated = "kratos-stream-unauthenticated"

// checkKratos judges every kratos grpc.NewServer call.
func (c *checker) checkKratos() {
	if !lintutil.Reaches(c.pass, kratosGRPC) {
		return
	}
	for cur := range c.insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn := lintutil.Callee(c.info, call)
		if fn == nil || lintutil.FuncKey(fn) != kratosNewServer || c.r.InTest(call.Pos()) {
			continue
		}
		var opts []Opt
		for _, a := range call.Args {
			opts = append(opts, c.optionsOf(a, call.Pos(), 0)...)
		}
		auth := unaryAuthOnly(opts)
		if auth == nil {
			continue
		}
		srv := c.serverVar(cur, -1)
		body := enclosingBody(c.info, cur)
		if srv == nil || body == nil {
			continue
		}
		streams, related := c.registeredStreams(srv, body)
		if len(streams) == 0 || !c.once(ruleKratosStreamUnauthenticated, auth.pos) {
			continue
		}
		c.r.Report(analysis.Diagnostic{
			Pos: auth.pos, End: auth.end,
			Message: fmt.Sprintf("kratos runs %s for unary calls only: %s %s the handler unauthenticated; add grpc.StreamInterceptor with auth",
				auth.Auth, lintutil.List(streams), map[bool]string{true: "reaches", false: "reach"}[len(streams) == 1]),
			Related: related,
		})
	}
}
