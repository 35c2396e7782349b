package serverauth

import (
	"fmt"
	"go/ast"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// ruleStreamUnauthenticated: a unary-only auth interceptor on a server
// that registers streaming methods, which then reach their handlers
// unauthenticated.
const ruleStreamUnauthenticated = "stream-unauthenticated"

// checkStreams reports a unary auth interceptor on a server with no
// stream interceptor that registers a streaming service.
// The server is the call's result idx (-1 for a single value).
func (c *checker) checkStreams(cur inspector.Cursor, call *ast.CallExpr, opts []Opt, idx int) {
	var auth *Opt
	for i, o := range opts {
		switch {
		case o.Kind == optUnknown || o.Kind.stream():
			return // the stream side may authenticate
		case o.Kind.unary() && o.Auth != "" && auth == nil:
			auth = &opts[i]
		}
	}
	if auth == nil {
		return
	}
	srv := c.serverVar(cur, idx)
	if srv == nil {
		return
	}
	body := enclosingBody(c.info, cur)
	if body == nil {
		return
	}
	var streams []string
	var related []analysis.RelatedInformation
	for _, reg := range c.registrations(srv, body, 0) {
		for _, m := range reg.Streams {
			streams = append(streams, reg.Service+"."+m)
		}
		if len(reg.Streams) > 0 && reg.pos.IsValid() {
			related = append(related, analysis.RelatedInformation{Pos: reg.pos, Message: reg.Service + " registered here"})
		}
	}
	if len(streams) == 0 || !c.once(ruleStreamUnauthenticated, auth.pos) {
		return
	}
	skip := "skip"
	if len(streams) == 1 {
		skip = "skips"
	}
	c.r.Report(analysis.Diagnostic{
		Pos: auth.pos, End: auth.end,
		Message: fmt.Sprintf("%s %s unary-only auth interceptor %s; add a stream auth interceptor",
			lintutil.List(streams), skip, auth.Auth),
		Related: related,
	})
}
