package serverauth

import (
	"fmt"
	"go/ast"

	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// ruleConnectStreamUnauthenticated: a generated Connect handler whose
// options install a unary-only auth interceptor, for a service whose
// implementation serves streaming procedures, served with no HTTP
// middleware in front.
const ruleConnectStreamUnauthenticated = "connect-stream-unauthenticated"

// checkConnect runs the Connect rules.
func (c *checker) checkConnect() {
	if c.connectFacts() {
		c.checkConnectHandlers()
	}
}

// connectFacts exports the facts of Connect interceptors and kratos
// middleware (kratos.go), in a package that can see either; connect
// reports whether it can see Connect.
func (c *checker) connectFacts() (connect bool) {
	connect = lintutil.Reaches(c.pass, grpcapi.Connect)
	if connect || lintutil.Reaches(c.pass, kratosMiddleware) {
		c.exportConnectFacts()
	}
	return connect
}

// checkConnectHandlers judges every call of a generated NewXHandler.
func (c *checker) checkConnectHandlers() {
	for cur := range c.insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		iface, svc, ok := grpcapi.ConnectHandlerCtor(lintutil.Callee(c.info, call))
		if !ok || len(call.Args) == 0 || c.r.InTest(call.Pos()) {
			continue
		}
		streams := c.served(call.Args[0], grpcapi.ConnectStreams(iface), grpcapi.IsConnectUnimplemented)
		if len(streams) == 0 {
			continue
		}
		var opts []Opt
		for _, a := range call.Args[1:] {
			opts = append(opts, c.optionsOf(a, call.Pos(), 0)...)
		}
		auth := unaryAuthOnly(opts)
		if auth == nil || !c.handlerServed(cur, 0) {
			continue
		}
		if !c.once(ruleConnectStreamUnauthenticated, auth.pos) {
			continue
		}
		for i, m := range streams {
			streams[i] = svc + "." + m
		}
		c.r.Report(analysis.Diagnostic{
			Pos: auth.pos, End: auth.end,
			Message: fmt.Sprintf("unary-only auth interceptor %s leaves %s open; authenticate in WrapStreamingHandler too",
				auth.Auth, lintutil.List(streams)),
			Related: []analysis.RelatedInformation{{Pos: call.Pos(), End: call.End(), Message: svc + " handler built here"}},
		})
	}
}

// unaryAuthOnly returns the first unary auth interceptor of opts when
// nothing in them may authenticate streams.
func unaryAuthOnly(opts []Opt) *Opt {
	var auth *Opt
	for i, o := range opts {
		switch {
		case o.Kind == optUnknown || o.Kind.stream():
			return nil
		case o.Kind.unary() && o.Auth != "" && auth == nil:
			auth = &opts[i]
		}
	}
	return auth
}
