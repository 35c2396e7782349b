package dialcreds

import "golang.org/x/tools/go/analysis"

// ruleCredentialsRequireTLS: per-RPC credentials whose
// RequireTransportSecurity is true on a connection that selects an
// insecure transport on the same path. Attached with
// WithPerRPCCredentials, the dial fails; attached as call options (also
// the default ones), every such RPC fails with Unauthenticated.
const ruleCredentialsRequireTLS = "credentials-require-tls"

// judgeCredentialsRequireTLS judges the options of a connection.
func (c *checker) judgeCredentialsRequireTLS(d *dialSite) {
	bad := c.tlsOnInsecure(d)
	if bad == nil {
		return
	}
	call := d.call
	r := analysis.Diagnostic{Pos: call.Fun.Pos(), End: call.Fun.End(), Related: bad.related()}
	when := bad.insecCond.when()
	if bad.credVia == viaDialOpt {
		r.Message = when + bad.credName + " credentials over " + bad.insecWhat + " require TLS; use credentials.NewTLS"
	} else {
		r.Message = when + bad.credName + " call credentials over " + bad.insecWhat + " require TLS; use credentials.NewTLS"
	}
	c.report(ruleCredentialsRequireTLS, r)
}

// tlsOnInsecure is the path of a connection's options that attaches
// credentials requiring TLS to an insecure transport (preferring those
// of WithPerRPCCredentials, and an unconditional transport), or nil.
func (c *checker) tlsOnInsecure(d *dialSite) *alt {
	if !d.tlsDone {
		d.tlsDone = true
		d.tls = findTLSOnInsecure(d.opts)
	}
	return d.tls
}

func findTLSOnInsecure(opts val) *alt {
	var bad *alt
	for i, a := range opts {
		if a.b&bUnknown != 0 || a.param != 0 || a.b&bInsecure == 0 || a.credName == "" || a.conds.contradictory() {
			continue
		}
		if bad == nil || (bad.credVia != viaDialOpt && a.credVia == viaDialOpt) || (!bad.insecCond.none() && a.insecCond.none()) {
			bad = &opts[i]
		}
	}
	return bad
}

// judgeCallCredentialsRequireTLS judges an RPC's call options:
// credentials that require TLS given as call options of an RPC on an
// insecure connection.
func (c *checker) judgeCallCredentialsRequireTLS(s *callSite) {
	call, conn, opts, optArgs := s.call, s.conn, s.opts, s.optArgs
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
	for _, p := range conn {
		if p.b&bInsecure == 0 || p.b&bUnknown != 0 || p.param != 0 {
			continue
		}
		for _, o := range opts {
			if o.credName != "" && o.credVia == viaCallOpt && !p.conds.and(o.conds).contradictory() {
				both := p
				both.credName, both.credAt = o.credName, o.credAt
				c.report(ruleCredentialsRequireTLS, analysis.Diagnostic{
					Pos: at.Pos(), End: at.End(),
					Message: p.insecCond.when() + o.credName + " credentials over " + p.insecWhat + " require TLS; use credentials.NewTLS",
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
