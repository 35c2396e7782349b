package dialcreds

import (
	"go/ast"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// ruleNoCredentials: a connection whose options carry, on every path, no
// per-RPC credentials, no client interceptor that may add them and no
// transport that authenticates the client, to a target that needs
// credentials. Reported where the package attaches credentials per
// call (percall.go: an RPC that forgets them fails), and with
// -dialcreds.all-connections everywhere. A connection whose credentials
// require TLS on an insecure transport is credentials-require-tls's, and
// one built from a struct with unread credentials
// unattached-credentials'.
const ruleNoCredentials = "no-credentials"

// judgeNoCredentials judges a connection.
func (c *checker) judgeNoCredentials(d *dialSite) {
	if !c.withoutCredentials(d) {
		return
	}
	if f, _ := c.unattachedField(d); f != nil {
		return
	}
	call, entry := d.call, d.entry
	if at := c.perCallAt(lintutil.IsTestFile(c.pass.Fset.Position(call.Pos()).Filename)); at.IsValid() {
		c.report(ruleNoCredentials, analysis.Diagnostic{
			Pos: call.Fun.Pos(), End: call.Fun.End(),
			Message: entry + " gets no credentials, though this package attaches them per call; attach them once with grpc.WithPerRPCCredentials",
			Related: related(at, "this package attaches credentials per call here"),
		})
		return
	}
	if !c.cfg.AllConnections {
		return
	}
	c.report(ruleNoCredentials, analysis.Diagnostic{
		Pos: call.Fun.Pos(), End: call.Fun.End(),
		Message: entry + " gets no credentials; add grpc.WithPerRPCCredentials",
	})
}

// withoutCredentials reports whether a connection carries no
// credentials on any path, to a target that needs them, and its
// credentials do not fail for requiring TLS instead.
func (c *checker) withoutCredentials(d *dialSite) bool {
	if d.toSelf {
		return false
	}
	for _, a := range d.opts {
		if a.b&(bAuth|bUnknown|bLocal) != 0 || a.param != 0 || a.uni.may() || a.str.may() {
			return false
		}
	}
	return !c.targetExempt(d.target) && c.tlsOnInsecure(d) == nil
}

// targetExempt reports whether a constant target needs no credentials:
// a Unix socket, or a target the configuration allows.
func (c *checker) targetExempt(target ast.Expr) bool {
	if target == nil {
		return false
	}
	s, ok := lintutil.ConstString(c.pass.TypesInfo, target)
	if !ok {
		return false
	}
	if strings.HasPrefix(s, "unix:") || strings.HasPrefix(s, "unix-abstract:") {
		return true
	}
	for _, re := range c.cfg.allow {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}
