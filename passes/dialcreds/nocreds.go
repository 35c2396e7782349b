package dialcreds

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// The rule "no credentials": a connection whose options carry, on every
// path, no per-RPC credentials, no client interceptor and no transport
// that authenticates the client. Reported where the package attaches
// credentials per call (an RPC that forgets them fails), and with
// all-connections everywhere.

// noCredentials reports a connection built with opts that carries no
// credentials, unless its target needs none.
func (fs *funcState) noCredentials(call *ast.CallExpr, entry string, opts val, target ast.Expr) {
	for _, a := range opts {
		if a.b&(bAuth|bUnknown|bLocal) != 0 || a.param != 0 {
			return
		}
	}
	if fs.targetExempt(target) {
		return
	}
	if at := fs.c.perCallAt(); at.IsValid() {
		fs.c.r.Report(analysis.Diagnostic{
			Pos: call.Fun.Pos(), End: call.Fun.End(),
			Message: "an RPC that forgets the per-call credentials fails with UNAUTHENTICATED: " + entry +
				" attaches none; attach them once with grpc.WithPerRPCCredentials",
			Related: related(at, "this package attaches credentials per call here"),
		})
		return
	}
	if !fs.c.cfg.AllConnections {
		return
	}
	fs.c.r.Reportf(call.Fun, "no RPC on this connection carries credentials: %s gets none, so a server that requires auth answers UNAUTHENTICATED; add grpc.WithPerRPCCredentials", entry)
}

// targetExempt reports whether a constant target needs no credentials:
// a Unix socket, or a target the configuration allows.
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
	for _, re := range fs.c.cfg.allow {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// perCallAt is where the package first attaches credentials per call
// (a grpc.PerRPCCredentials call option outside the default call
// options, "authorization" outgoing metadata), or token.NoPos.
func (c *checker) perCallAt() token.Pos {
	if c.perCall != nil {
		return *c.perCall
	}
	at := token.NoPos
	info := c.pass.TypesInfo
	for cur := range c.insp.Root().Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			fn := lintutil.Callee(info, n)
			if fn == nil {
				continue
			}
			switch lintutil.FuncKey(fn) {
			case grpcapi.GRPC + ".PerRPCCredentials":
				if p, ok := cur.Parent().Node().(*ast.CallExpr); ok {
					if pf := lintutil.Callee(info, p); pf != nil && lintutil.FuncKey(pf) == grpcapi.GRPC+".WithDefaultCallOptions" {
						continue
					}
				}
				at = n.Pos()
			case grpcapi.Metadata + ".AppendToOutgoingContext":
				for i := 1; i < len(n.Args); i += 2 {
					if isAuthKey(info, n.Args[i]) {
						at = n.Pos()
					}
				}
			case grpcapi.Metadata + ".Pairs":
				for i := 0; i < len(n.Args); i += 2 {
					if isAuthKey(info, n.Args[i]) {
						at = n.Pos()
					}
				}
			}
		case *ast.CompositeLit:
			// metadata.MD{"authorization": ...}, and the map given to
			// metadata.New.
			t := info.TypeOf(n)
			if t == nil {
				continue
			}
			mdNew := false
			if p, ok := cur.Parent().Node().(*ast.CallExpr); ok {
				fn := lintutil.Callee(info, p)
				mdNew = fn != nil && lintutil.FuncKey(fn) == grpcapi.Metadata+".New"
			}
			if !mdNew && !lintutil.IsNamed(t, grpcapi.Metadata, "MD", false) {
				continue
			}
			for _, e := range n.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok && isAuthKey(info, kv.Key) {
					at = n.Pos()
				}
			}
		}
		if at.IsValid() {
			break
		}
	}
	c.perCall = &at
	return at
}

// isAuthKey reports whether e is the constant "authorization", in any
// case.
func isAuthKey(info *types.Info, e ast.Expr) bool {
	s, ok := lintutil.ConstString(info, e)
	return ok && strings.EqualFold(s, "authorization")
}

// related is a second location for a diagnostic, or none when pos is
// unknown (a summary from another package).
func related(pos token.Pos, msg string) []analysis.RelatedInformation {
	if !pos.IsValid() {
		return nil
	}
	return []analysis.RelatedInformation{{Pos: pos, Message: msg}}
}
