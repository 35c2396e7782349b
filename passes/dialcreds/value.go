package dialcreds

import (
	"go/token"
	"slices"
)

// The abstract values of the walk. A val is the set of paths (alt) an
// expression of a tracked type (options, call options, connections,
// credentials, contexts, *tls.Config) may take; concat sequences two
// values (options of x, then of y), join merges the values of two
// branches, and collapse bounds the size of a value at the cost of the
// per-path knowledge.

type bits uint16

const (
	bAuth     bits = 1 << iota // carries credentials
	bUnknown                   // may carry anything
	bInsecure                  // selects an insecure transport
	bSecure                    // selects a secure transport (overrides bInsecure before it)
	bLocal                     // local by construction: bufconn dialer, local credentials
	bMeta                      // a context carrying outgoing metadata
	bTLSCreds                  // per-RPC credentials requiring TLS, not yet attached
	bTLSConf                   // a *tls.Config built here (with bAuth: it holds client certificates)
	bCtxPlain                  // a context from a parameter or context.Background, maybe derived: no metadata of its own
)

// Where TLS-requiring credentials are attached.
const (
	viaNone     = iota
	viaDialOpt  // WithPerRPCCredentials
	viaCallOpt  // grpc.PerRPCCredentials call option, also in WithDefaultCallOptions
	viaDefault  // WithDefaultCallOptions(grpc.PerRPCCredentials(...))
	maxAltCount = 32
)

// alt is what one path contributes.
type alt struct {
	b         bits
	param     int // 1 + index of the options parameter it includes, or 0
	credName  string
	credVia   int
	insecWhat string
	insecCond branch // the branch that selects the insecure transport
	// conds are the branch conditions the path took;
	// credentials-require-tls skips paths whose conditions contradict
	// each other, like a switch on a mode followed by an if on the same
	// mode.
	conds conds

	// Where the findings' second locations are, for related
	// information; token.NoPos when unknown (from another package).
	// They take no part in comparing paths (same).
	credAt  token.Pos // the credentials requiring TLS, where attached or built
	insecAt token.Pos // the option that selects the insecure transport
	metaAt  token.Pos // the call that attaches outgoing metadata

	// The client interceptors of each half (interceptors.go).
	uni, str half
	cparam   int // 1 + index of the connection or client parameter the value is, or 0
}

// same reports whether a and b are the same path: equal in everything
// but the positions kept for messages.
func (a alt) same(b alt) bool {
	return a.b == b.b && a.param == b.param && a.credName == b.credName && a.credVia == b.credVia &&
		a.insecWhat == b.insecWhat && a.insecCond.same(b.insecCond) && slices.Equal(a.conds, b.conds) &&
		a.uni.same(b.uni) && a.str.same(b.str) && a.cparam == b.cparam
}

// val is the set of alternatives (paths) of an expression; never empty.
type val []alt

var (
	emptyVal   = val{{}}
	unknownVal = val{{b: bUnknown}}
)

// has reports whether some path of v has one of the bits b.
func (v val) has(b bits) bool {
	for _, a := range v {
		if a.b&b != 0 {
			return true
		}
	}
	return false
}

// combine is the path x followed by the path y: a later transport
// choice overrides an earlier one, the first credentials are kept.
func combine(x, y alt) alt {
	r := x
	if y.b&(bInsecure|bSecure) != 0 {
		r.b &^= bInsecure | bSecure
		r.insecWhat, r.insecCond, r.insecAt = y.insecWhat, y.insecCond, y.insecAt
	}
	r.b |= y.b
	r.conds = r.conds.and(y.conds)
	if r.credName == "" {
		r.credName, r.credVia, r.credAt = y.credName, y.credVia, y.credAt
	}
	if r.metaAt == token.NoPos {
		r.metaAt = y.metaAt
	}
	r.uni, r.str = x.uni.then(y.uni), x.str.then(y.str)
	if r.cparam == 0 {
		r.cparam = y.cparam
	}
	switch {
	case y.param == 0:
	case r.param == 0:
		r.param = y.param
	case r.param != y.param:
		r.param = 0
		r.b |= bUnknown
	}
	return r
}

// concat is the options of x followed by those of y, on every pair of
// paths.
func concat(x, y val) val {
	if len(x) == 0 {
		x = unknownVal
	}
	if len(y) == 0 {
		y = unknownVal
	}
	if len(x)*len(y) > maxAltCount {
		return collapse(concat(collapse(x), collapse(y)))
	}
	out := make(val, 0, len(x)*len(y))
	for _, a := range x {
		for _, b := range y {
			out = addAlt(out, combine(a, b))
		}
	}
	return out
}

// join is the value of a merge point: x on some paths, y on others.
func join(x, y val) val {
	out := append(val(nil), x...)
	for _, b := range y {
		out = addAlt(out, b)
	}
	if len(out) > maxAltCount {
		return collapse(out)
	}
	return out
}

// addAlt adds the path a to v unless v has it.
func addAlt(v val, a alt) val {
	if slices.ContainsFunc(v, a.same) {
		return v
	}
	return append(v, a)
}

// collapse merges all paths into one, dropping the per-path knowledge
// credentials-require-tls needs (it must not pair an insecure transport
// and credentials from different paths).
func collapse(v val) val {
	var r alt
	for _, a := range v {
		r.uni, r.str = r.uni.or(a.uni), r.str.or(a.str)
		if r.cparam == 0 {
			r.cparam = a.cparam
		}
		r.b |= a.b &^ (bInsecure | bSecure | bTLSCreds)
		switch {
		case a.param == 0:
		case r.param == 0:
			r.param = a.param
		case r.param != a.param:
			r.b |= bUnknown
		}
	}
	return val{r}
}

// mapAlts is v with f applied to each path.
func mapAlts(v val, f func(alt) alt) val {
	if len(v) == 0 {
		v = unknownVal // never empty; be safe on broken code
	}
	out := make(val, 0, len(v))
	for _, a := range v {
		out = addAlt(out, f(a))
	}
	return out
}

// The kinds of a client interceptor (interceptors.go).
type ikind uint8

const (
	kNone  ikind = iota // no interceptor
	kPlain              // seen, passes ctx and opts on unchanged: no credentials
	kTok                // seen, adds a token (auth metadata, per-RPC credentials call option)
	kMaybe              // not seen, or touches the context or call options: may add credentials
)

// half is what the client interceptor options of one half (unary or
// stream) of a path hold: the interceptor of the last
// WithUnaryInterceptor or WithStreamInterceptor (set, which a later one
// replaces) and those of the chain options, which add up.
type half struct {
	set      ikind
	chainTok bool // a chained interceptor adds a token
	chainMay bool // a chained interceptor may add credentials
	// Positions of the options, for messages; not compared.
	setAt, chainTokAt token.Pos
	// lostAt is the first option of a token interceptor replaced by a
	// later one that adds none (lostBy), or token.NoPos
	// (replaced-interceptor).
	lostAt, lostBy token.Pos
}

func (h half) same(o half) bool {
	return h.set == o.set && h.chainTok == o.chainTok && h.chainMay == o.chainMay && h.lostAt.IsValid() == o.lostAt.IsValid()
}

// tok reports whether an interceptor of the half adds a token.
func (h half) tok() bool { return h.set == kTok || h.chainTok }

// may reports whether an interceptor of the half may add credentials.
func (h half) may() bool { return h.set >= kTok || h.chainMay }

// tokAt is where the option of a token interceptor of the half is, and
// whether it is a chain option.
func (h half) tokAt() (token.Pos, bool) {
	if h.set == kTok {
		return h.setAt, false
	}
	return h.chainTokAt, true
}

// then is the half h followed by the options of o: a later set
// interceptor replaces the earlier one, which is lost when it adds a
// token and the later one does not.
func (h half) then(o half) half {
	r := h
	if !r.lostAt.IsValid() {
		r.lostAt, r.lostBy = o.lostAt, o.lostBy
	}
	if o.set != kNone {
		if h.set == kTok && o.set != kTok && !h.lostAt.IsValid() {
			r.lostAt, r.lostBy = h.setAt, o.setAt
		}
		r.set, r.setAt = o.set, o.setAt
	}
	if o.chainTok && !r.chainTok {
		r.chainTokAt = o.chainTokAt
	}
	r.chainTok = r.chainTok || o.chainTok
	r.chainMay = r.chainMay || o.chainMay
	return r
}

// or merges the halves of two paths (collapse): what some path has.
func (h half) or(o half) half {
	r := half{chainTok: h.tok() || o.tok(), chainMay: h.may() || o.may(), lostAt: h.lostAt, lostBy: h.lostBy}
	if !r.lostAt.IsValid() {
		r.lostAt, r.lostBy = o.lostAt, o.lostBy
	}
	if at, _ := h.tokAt(); h.tok() && at.IsValid() {
		r.chainTokAt = at
	} else if at, _ := o.tokAt(); o.tok() {
		r.chainTokAt = at
	}
	return r
}
