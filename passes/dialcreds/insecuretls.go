package dialcreds

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"
)

// The rule "TLS credentials on an insecure transport": per-RPC
// credentials whose RequireTransportSecurity is true on a connection
// that selects an insecure transport on the same path. Attached with
// WithPerRPCCredentials, the dial fails; attached as call options (also
// the default ones), every such RPC fails with Unauthenticated.

// tlsCredsOnInsecure reports credentials that require TLS on an
// insecure transport in the options of one connection, and whether it
// did.
func (fs *funcState) tlsCredsOnInsecure(call *ast.CallExpr, entry string, opts val) bool {
	var bad *alt
	for i, a := range opts {
		if a.b&bUnknown != 0 || a.param != 0 || a.b&bInsecure == 0 || a.credName == "" || a.conds.contradictory() {
			continue
		}
		if bad == nil || (bad.credVia != viaDialOpt && a.credVia == viaDialOpt) || (!bad.insecCond.none() && a.insecCond.none()) {
			bad = &opts[i]
		}
	}
	if bad == nil {
		return false
	}
	d := analysis.Diagnostic{Pos: call.Fun.Pos(), End: call.Fun.End(), Related: bad.related()}
	when := bad.insecCond.when()
	if bad.credVia == viaDialOpt {
		d.Message = when + entry + ` fails with "the credentials require transport level security": ` +
			bad.credName + " credentials over " + bad.insecWhat + "; use credentials.NewTLS"
	} else {
		d.Message = when + `every RPC fails with Unauthenticated "cannot send secure credentials on an insecure connection": ` +
			bad.credName + " credentials in the default call options over " + bad.insecWhat + "; use credentials.NewTLS"
	}
	fs.c.r.Report(d)
	return true
}

// tlsCredsInCallOptions reports credentials that require TLS given as
// call options of an RPC on an insecure connection (conn): opts are the
// call's options, optArgs the values of its call-option arguments.
func (fs *funcState) tlsCredsInCallOptions(call *ast.CallExpr, conn, opts val, optArgs []val) {
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
			if o.credName != "" && o.credVia == viaCallOpt && !c.conds.and(o.conds).contradictory() {
				both := c
				both.credName, both.credAt = o.credName, o.credAt
				fs.c.r.Report(analysis.Diagnostic{
					Pos: at.Pos(), End: at.End(),
					Message: c.insecCond.when() + `this RPC fails with Unauthenticated "cannot send secure credentials on an insecure connection": ` +
						o.credName + " credentials over " + c.insecWhat + "; use credentials.NewTLS",
					Related: both.related(),
				})
				return
			}
		}
	}
}

// related is the second locations of a finding of this rule on path a:
// the branch that selects the insecure transport, the option that
// selects it, and the credentials.
func (a alt) related() []analysis.RelatedInformation {
	var r []analysis.RelatedInformation
	r = append(r, related(a.insecCond.at, "the branch that selects the insecure transport")...)
	r = append(r, related(a.insecAt, a.insecWhat+" selects the insecure transport here")...)
	r = append(r, related(a.credAt, a.credName+" credentials, which require TLS")...)
	return r
}
