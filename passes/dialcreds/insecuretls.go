package dialcreds

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"
)

// callOptions reports TLS-requiring credentials given as call options on
// an insecure connection (rule 2, per call).
func (fs *funcState) callOptions(call *ast.CallExpr, conn, opts val, optArgs []val) {
	if fs.skip {
		return
	}
	// Report at the call option that carries the credentials when it is
	// written in place.
	var at analysis.Range = call.Fun
	first := len(call.Args) - len(optArgs)
args:
	for i, v := range optArgs {
		for _, o := range v {
			if o.credName != "" && o.credVia == viaCallOpt {
				at = call.Args[first+i]
				break args
			}
		}
	}
	for _, c := range conn {
		if c.b&bInsecure == 0 || c.b&bUnknown != 0 || c.param != 0 {
			continue
		}
		for _, o := range opts {
			if o.credName != "" && o.credVia == viaCallOpt && !contradictory(addAtoms(c.atoms, o.atoms)) {
				when := whenPrefix(c.insecCond)
				fs.c.r.Reportf(at, "%sthis RPC fails with Unauthenticated \"cannot send secure credentials on an insecure connection\": %s credentials require TLS but the connection uses %s; use TLS transport credentials (credentials.NewTLS)", when, o.credName, c.insecWhat)
				return
			}
		}
	}
}
