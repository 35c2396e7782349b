package dialcreds

import (
	"go/ast"
	"strings"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

func (fs *funcState) targetExempt(target ast.Expr) bool {
	if target == nil {
		return false
	}
	s, ok := lintutil.ConstString(fs.c.pass.TypesInfo, target)
	if !ok {
		return false
	}
	if strings.HasPrefix(s, "unix:") || strings.HasPrefix(s, "unix-abstract:") {
		return true
	}
	for _, re := range fs.c.allow {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// checkDial judges the options a connection is built with.
func (fs *funcState) checkDial(call *ast.CallExpr, entry string, opts val, target ast.Expr, ctx val, ctxIdx int) {
	if fs.skip || len(opts) == 0 {
		return
	}
	// Rule 3: metadata on the DialContext context.
	if ctx != nil && ctx.has(bMeta) && ctxIdx < len(call.Args) && !fs.metaCtxUsedLater(call, call.Args[ctxIdx]) {
		fs.c.r.Reportf(call.Args[ctxIdx], "metadata attached to the context of %s is never sent: that context only bounds the dial; attach the metadata to each RPC's context, or send it from per-RPC credentials or a client interceptor", entry)
	}
	// Rule 2: credentials that require TLS on an insecure transport.
	var bad *alt
	for i, a := range opts {
		if a.b&bUnknown != 0 || a.param != 0 || a.b&bInsecure == 0 || a.credName == "" || contradictory(a.atoms) {
			continue
		}
		if bad == nil || (bad.credVia != viaDialOpt && a.credVia == viaDialOpt) || (bad.insecCond != "" && a.insecCond == "") {
			bad = &opts[i]
		}
	}
	if bad != nil {
		when := whenPrefix(bad.insecCond)
		if bad.credVia == viaDialOpt {
			fs.c.r.Reportf(call.Fun, "%s%s fails with \"the credentials require transport level security\": %s credentials require TLS but the connection uses %s; use TLS transport credentials (credentials.NewTLS)", when, entry, bad.credName, bad.insecWhat)
		} else {
			fs.c.r.Reportf(call.Fun, "%severy RPC on this connection fails with Unauthenticated \"cannot send secure credentials on an insecure connection\": %s credentials in the default call options require TLS but the connection uses %s; use TLS transport credentials (credentials.NewTLS)", when, bad.credName, bad.insecWhat)
		}
		return
	}
	// Rule 1: no credentials on any path.
	for _, a := range opts {
		if a.b&(bAuth|bUnknown|bLocal) != 0 || a.param != 0 {
			return
		}
	}
	if fs.targetExempt(target) {
		return
	}
	if fs.c.perCallAuth() {
		fs.c.r.Reportf(call.Fun, "%s builds a connection without credentials while this package attaches them per call: an RPC that forgets the authorization metadata or call option fails with UNAUTHENTICATED; attach them once with grpc.WithPerRPCCredentials or a client interceptor", entry)
		return
	}
	if !fs.c.cfg.AllConnections {
		return
	}
	fs.c.r.Reportf(call.Fun, "no RPC on this connection carries credentials: %s gets no per-RPC credentials, client interceptor or client-certificate transport, so a server that requires auth answers UNAUTHENTICATED; add grpc.WithPerRPCCredentials or a client interceptor", entry)
}
