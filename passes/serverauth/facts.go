package serverauth

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// authFact is what a function does for authentication, for callers in
// other packages.
type authFact struct {
	// Checks: the function authenticates (reads an auth key from
	// incoming metadata, checks the peer's auth info, or rejects with
	// codes.Unauthenticated or codes.PermissionDenied), itself or
	// through a call.
	Checks bool
	// Returns: the function returns a server interceptor that does.
	Returns bool
	// ChecksSome, ReturnsSome: the same of an interceptor that
	// authenticates before a later call of its handler only, an earlier
	// one skipping it for some methods (if skip(m) { return h(...) }):
	// not auth for the rules about every RPC, but a gate a validator
	// must not precede (validate-first).
	ChecksSome  bool
	ReturnsSome bool
}

func (*authFact) AFact() {}

func (f *authFact) String() string {
	var parts []string
	if f.Checks {
		parts = append(parts, "authenticates")
	}
	if f.Returns {
		parts = append(parts, "returns an auth interceptor")
	}
	if f.ChecksSome {
		parts = append(parts, "authenticates some calls")
	}
	if f.ReturnsSome {
		parts = append(parts, "returns an interceptor that authenticates some calls")
	}
	return strings.Join(parts, ", ")
}

// optKind is what a server option does to the interceptors.
type optKind uint8

const (
	optOther       optKind = iota // installs no interceptor
	optUnary                      // grpc.UnaryInterceptor: set once, a second panics
	optChainUnary                 // grpc.ChainUnaryInterceptor
	optStream                     // grpc.StreamInterceptor
	optChainStream                // grpc.ChainStreamInterceptor
	optUnknown                    // an option the analyzer cannot see
)

var optNames = [...]string{"other", "UnaryInterceptor", "ChainUnaryInterceptor", "StreamInterceptor", "ChainStreamInterceptor", "unknown"}

func (k optKind) String() string {
	if int(k) < len(optNames) {
		return optNames[k]
	}
	return "unknown"
}

func (k optKind) unary() bool  { return k == optUnary || k == optChainUnary }
func (k optKind) stream() bool { return k == optStream || k == optChainStream }

// Opt is one server option as far as the pass can see it.
type Opt struct {
	Kind optKind
	// Auth names the auth interceptor a unary option installs, or is
	// empty when none of its interceptors is known to authenticate.
	Auth string
	// Maybe: the option is given on some paths only.
	Maybe bool
	// Seq is what a unary option installs, in order, one letter an
	// interceptor: 'v' a known request validator, 'a' an auth
	// interceptor, '.' another; empty when unknown (validate-first).
	Seq string
	// Where the option is written, in this package (NoPos for an option
	// of another package's helper: the finding goes to the call).
	pos, end token.Pos
	// cond is the condition under which a Maybe option is given, when
	// it is one branch of the function that gives it.
	cond optCond
}

func (o Opt) String() string {
	s := o.Kind.String()
	if o.Auth != "" {
		s += "(auth " + o.Auth + ")"
	}
	if o.Maybe {
		s += "?"
	}
	return s
}

// optionsFact lists the server options a function returns (its first
// ServerOption or []ServerOption result) or a package variable holds.
type optionsFact struct {
	Opts []Opt
}

func (*optionsFact) AFact() {}

func (f *optionsFact) String() string {
	parts := make([]string, len(f.Opts))
	for i, o := range f.Opts {
		parts[i] = o.String()
	}
	return "options " + strings.Join(parts, ", ")
}

// Registration is a service registered on a server.
type Registration struct {
	Param   int            // the function's parameter holding the server
	Service string         // Go name of the service (X of RegisterXServer)
	Streams []string       // its streaming methods
	Served  []ServedMethod // the methods it serves, when known (fail-open)
	pos     token.Pos
	impl    ast.Expr // the implementation registered, in this package
}

// registersFact lists the services a function registers on its server
// parameters (a *grpc.Server or grpc.ServiceRegistrar).
type registersFact struct {
	Regs []Registration
}

func (*registersFact) AFact() {}

func (f *registersFact) String() string {
	parts := make([]string, len(f.Regs))
	for i, r := range f.Regs {
		parts[i] = fmt.Sprintf("param %d: %s streams [%s]", r.Param, r.Service, strings.Join(r.Streams, " "))
	}
	return "registers " + strings.Join(parts, "; ")
}

// serverFact lists, for a function returning a *grpc.Server, the
// options of each grpc.NewServer whose server it returns (one entry a
// path), for the callers that register services on it.
type serverFact struct {
	Servers [][]Opt
}

func (*serverFact) AFact() {}

func (f *serverFact) String() string {
	parts := make([]string, len(f.Servers))
	for i, opts := range f.Servers {
		s := make([]string, len(opts))
		for j, o := range opts {
			s[j] = o.String()
		}
		parts[i] = "[" + strings.Join(s, ", ") + "]"
	}
	return "returns servers " + strings.Join(parts, " or ")
}

// importedFact returns the fact of type F that fn's package exported for
// it: nil for a function of this package (summarized from its
// declaration instead) or one without the fact.
func importedFact[F any, P interface {
	*F
	analysis.Fact
}](c *checker, fn *types.Func) P {
	if fn.Pkg() == c.pass.Pkg {
		return nil
	}
	f := P(new(F))
	if !c.pass.ImportObjectFact(fn, f) {
		return nil
	}
	return f
}
