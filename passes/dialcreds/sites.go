package dialcreds

import (
	"go/ast"
	"go/types"
)

// The sites the walk records, with the values it computed there; the
// rules judge them once the package is walked (judge.go). A function
// in a _test.go file records none unless -dialcreds.tests is set.

// sites are the sites of the package, in the order the walk met them.
type sites struct {
	dials    []*dialSite
	calls    []*callSite
	discards []*ast.CallExpr
	streams  []*streamSite
}

// dialSite is a connection: a call of a dial entry point (NewClient,
// Dial, DialContext), or of a wrapper of one.
type dialSite struct {
	call   *ast.CallExpr
	entry  string   // the function called, for messages ("grpc.NewClient")
	opts   val      // the options, on each path
	target ast.Expr // the target argument, or nil
	// The context argument (DialContext) and its value, or nil; with
	// metadata on it, metaVars are the local contexts that carry
	// metadata at the dial.
	ctxArg   ast.Expr
	ctx      val
	metaVars map[*types.Var]bool
	// toSelf: a connection back to the program's own server through a
	// grpc-gateway registration, which forwards the caller's credentials
	// per call.
	toSelf bool
	w      *funcWalk // the function that dials

	// Computed by need, once: the path whose credentials require TLS
	// on an insecure transport, and the unread credentials field.
	tlsDone, fieldDone bool
	tls                *alt
	field              *types.Var
	fieldIn            *types.Named
}

// callSite is an RPC (or a stream) with call options, made on a
// connection or a client built on one.
type callSite struct {
	call    *ast.CallExpr
	conn    val   // the connection
	opts    val   // the call options, together
	optArgs []val // the values of the call-option arguments as written
}

// streamSite is a streaming call that carries no credentials of its
// own (its context carries no outgoing metadata, its call options
// none), on a connection built in the package; uses are the streaming
// calls, more than one when they come through a helper's summary.
type streamSite struct {
	conn val
	uses []streamUse
}

// dial records a connection built by entry at call.
func (fs *funcState) dial(call *ast.CallExpr, entry string, opts val, target ast.Expr, ctx val, ctxIdx int, toSelf bool) {
	if fs.skip || len(opts) == 0 {
		return
	}
	d := &dialSite{call: call, entry: entry, opts: opts, target: target, toSelf: toSelf, w: fs.funcWalk}
	if ctx != nil && ctxIdx >= 0 && ctxIdx < len(call.Args) {
		d.ctxArg, d.ctx = call.Args[ctxIdx], ctx
		if ctx.has(bMeta) {
			d.metaVars = make(map[*types.Var]bool)
			for v, x := range fs.env {
				if x.has(bMeta) {
					d.metaVars[v] = true
				}
			}
		}
	}
	fs.c.sites.dials = append(fs.c.sites.dials, d)
}

// rpc records an RPC with call options on a connection.
func (fs *funcState) rpc(call *ast.CallExpr, conn, opts val, optArgs []val) {
	if fs.skip {
		return
	}
	fs.c.sites.calls = append(fs.c.sites.calls, &callSite{call: call, conn: conn, opts: opts, optArgs: optArgs})
}

// discard records a call whose result is thrown away (an expression
// statement, or assigned to _).
func (fs *funcState) discard(e ast.Expr) {
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && !fs.skip {
		fs.c.sites.discards = append(fs.c.sites.discards, call)
	}
}
