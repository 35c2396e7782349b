package dialcreds

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

//go:embed doc.go
var doc string

// Doc is the pass's documentation, rendered in help and README.
var Doc = lintutil.MustExtractDoc(doc, "dialcreds")

// Config configures the pass. The json names are the flag names and the
// golangci-lint setting names.
type Config struct {
	// Tests also checks _test.go files.
	Tests bool `json:"tests"`
	// AllowTarget holds regular expressions; connections to a constant
	// target matching one of them are not reported for missing
	// credentials.
	AllowTarget []string `json:"allow-target"`
	// AllConnections also reports connections of packages that show no
	// sign of using auth ("no RPC on this connection carries
	// credentials"). Off by default: many gRPC services need no token
	// (local sockets, sidecars, probes, public backends) and the code
	// cannot tell them apart; on public code most such findings were not
	// bugs.
	AllConnections bool `json:"all-connections"`
}

// DefaultConfig returns the default configuration.
func DefaultConfig() Config { return Config{} }

// Validate reports a configuration the pass would refuse to run with:
// a malformed allow-target expression. The flags check each value when
// it is set; settings from golangci-lint are checked here (for the suite
// to call when it builds the pass; run returns the same error). The
// error does not name the pass: the caller does.
func (c Config) Validate() error {
	for _, p := range c.AllowTarget {
		if _, err := regexp.Compile(p); err != nil {
			return fmt.Errorf("bad allow-target %q: %v", p, err)
		}
	}
	return nil
}

// New returns a dialcreds analyzer with configuration cfg.
func New(cfg Config) *analysis.Analyzer {
	c := cfg
	c.AllowTarget = append([]string(nil), cfg.AllowTarget...)
	a := &analysis.Analyzer{
		Name:     "dialcreds",
		Doc:      Doc.Analyzer,
		URL:      lintutil.URL("dialcreds"),
		Requires: []*analysis.Analyzer{lintutil.Shared},
		// Partial code is judged too: a half-typed file must not hide the
		// rest of the package, and the walk tolerates missing types.
		RunDespiteErrors: true,
		FactTypes:        []analysis.Fact{new(optsFact), new(dialerFact), new(requiresTLSFact), new(tlsCredsFact)},
	}
	a.Flags.BoolVar(&c.Tests, "tests", c.Tests, "also check _test.go files")
	a.Flags.BoolVar(&c.AllConnections, "all-connections", c.AllConnections, "also report connections in packages that show no sign of using auth (\"no RPC on this connection carries credentials\")")
	a.Flags.Var(patternList{&c.AllowTarget}, "allow-target",
		"regular expression of constant dial targets that need no credentials (repeatable)")
	a.Run = func(pass *analysis.Pass) (any, error) { return run(pass, &c) }
	return a
}

// patternList is a repeatable flag of regular expressions. Unlike
// lintutil.StringList it does not split values at commas, which regular
// expressions use ("[0-9]{1,5}"); each use adds one expression, checked
// when the flag is set.
type patternList struct{ p *[]string }

func (l patternList) String() string {
	if l.p == nil {
		return ""
	}
	return strings.Join(*l.p, " ")
}

func (l patternList) Set(s string) error {
	if _, err := regexp.Compile(s); err != nil {
		return err
	}
	*l.p = append(*l.p, s)
	return nil
}

// Analyzer is the dialcreds analyzer with the default configuration.
var Analyzer = New(DefaultConfig())

// ---------------------------------------------------------------------
// API tables

const (
	grpcPath     = "google.golang.org/grpc"
	credsPath    = grpcPath + "/credentials"
	metadataPath = grpcPath + "/metadata"
	bufconnPath  = grpcPath + "/test/bufconn"
)

// op is what a table function does to the options flowing through it.
type op int

const (
	opDial         op = iota + 1 // NewClient, Dial, DialContext
	opPerRPC                     // WithPerRPCCredentials(creds)
	opBundle                     // WithCredentialsBundle(bundle)
	opDefaultCall                // WithDefaultCallOptions(callopts...)
	opCallCreds                  // grpc.PerRPCCredentials(creds): a CallOption
	opInterceptor                // client interceptors
	opTransport                  // WithTransportCredentials(tc)
	opWithInsecure               // grpc.WithInsecure()
	opDialer                     // WithContextDialer, WithDialer
	opInsecureTC                 // insecure.NewCredentials()
	opInsecureBnd                // insecure.NewBundle()
	opServerTLS                  // TLS that authenticates the server only
	opNewTLS                     // credentials.NewTLS(cfg)
	opClientAuthTC               // ALTS, xDS: transport that authenticates the client
	opLocalTC                    // local.NewCredentials(): local connections only
	opAuthBundle                 // google bundles
	opTLSCreds                   // per-RPC credentials that require TLS
	opBundleCreds                // Bundle.PerRPCCredentials()
	opOutgoingMD                 // metadata on an outgoing context
	opCtxDerive                  // context.With*: the first argument's value flows on
)

type api struct {
	op op
	// name is how messages refer to the function ("grpc.NewClient").
	name string
	// ctx and target are the argument indexes of a dial entry point.
	ctx, target int
	// discardable: a credentials or interceptor DialOption, or the
	// credentials CallOption (rule 4).
	discardable bool
}

var apis = map[string]api{
	grpcPath + ".NewClient":   {op: opDial, name: "grpc.NewClient", ctx: -1, target: 0},
	grpcPath + ".Dial":        {op: opDial, name: "grpc.Dial", ctx: -1, target: 0},
	grpcPath + ".DialContext": {op: opDial, name: "grpc.DialContext", ctx: 0, target: 1},

	grpcPath + ".WithPerRPCCredentials":      {op: opPerRPC, name: "grpc.WithPerRPCCredentials", discardable: true},
	grpcPath + ".WithCredentialsBundle":      {op: opBundle, name: "grpc.WithCredentialsBundle", discardable: true},
	grpcPath + ".WithDefaultCallOptions":     {op: opDefaultCall, name: "grpc.WithDefaultCallOptions", discardable: true},
	grpcPath + ".PerRPCCredentials":          {op: opCallCreds, name: "grpc.PerRPCCredentials", discardable: true},
	grpcPath + ".WithUnaryInterceptor":       {op: opInterceptor, name: "grpc.WithUnaryInterceptor", discardable: true},
	grpcPath + ".WithChainUnaryInterceptor":  {op: opInterceptor, name: "grpc.WithChainUnaryInterceptor", discardable: true},
	grpcPath + ".WithStreamInterceptor":      {op: opInterceptor, name: "grpc.WithStreamInterceptor", discardable: true},
	grpcPath + ".WithChainStreamInterceptor": {op: opInterceptor, name: "grpc.WithChainStreamInterceptor", discardable: true},
	grpcPath + ".WithTransportCredentials":   {op: opTransport, name: "grpc.WithTransportCredentials", discardable: true},
	grpcPath + ".WithInsecure":               {op: opWithInsecure, name: "grpc.WithInsecure()"},
	grpcPath + ".WithContextDialer":          {op: opDialer, name: "grpc.WithContextDialer"},
	grpcPath + ".WithDialer":                 {op: opDialer, name: "grpc.WithDialer"},

	credsPath + "/insecure.NewCredentials":  {op: opInsecureTC, name: "insecure.NewCredentials()"},
	credsPath + "/insecure.NewBundle":       {op: opInsecureBnd, name: "insecure.NewBundle()"},
	credsPath + ".NewTLS":                   {op: opNewTLS, name: "credentials.NewTLS"},
	credsPath + ".NewClientTLSFromCert":     {op: opServerTLS, name: "credentials.NewClientTLSFromCert"},
	credsPath + ".NewClientTLSFromFile":     {op: opServerTLS, name: "credentials.NewClientTLSFromFile"},
	credsPath + "/alts.NewClientCreds":      {op: opClientAuthTC, name: "alts.NewClientCreds"},
	credsPath + "/xds.NewClientCredentials": {op: opClientAuthTC, name: "xds.NewClientCredentials"},
	credsPath + "/local.NewCredentials":     {op: opLocalTC, name: "local.NewCredentials"},

	credsPath + "/google.NewDefaultCredentials":            {op: opAuthBundle, name: "google.NewDefaultCredentials"},
	credsPath + "/google.NewDefaultCredentialsWithOptions": {op: opAuthBundle, name: "google.NewDefaultCredentialsWithOptions"},
	credsPath + "/google.NewComputeEngineCredentials":      {op: opAuthBundle, name: "google.NewComputeEngineCredentials"},

	"(" + credsPath + ".Bundle).PerRPCCredentials": {op: opBundleCreds},

	credsPath + "/oauth.NewOauthAccess":                        {op: opTLSCreds, name: "oauth.NewOauthAccess"},
	credsPath + "/oauth.NewJWTAccessFromFile":                  {op: opTLSCreds, name: "oauth.NewJWTAccessFromFile"},
	credsPath + "/oauth.NewJWTAccessFromKey":                   {op: opTLSCreds, name: "oauth.NewJWTAccessFromKey"},
	credsPath + "/oauth.NewComputeEngine":                      {op: opTLSCreds, name: "oauth.NewComputeEngine"},
	credsPath + "/oauth.NewServiceAccountFromKey":              {op: opTLSCreds, name: "oauth.NewServiceAccountFromKey"},
	credsPath + "/oauth.NewServiceAccountFromFile":             {op: opTLSCreds, name: "oauth.NewServiceAccountFromFile"},
	credsPath + "/oauth.NewApplicationDefault":                 {op: opTLSCreds, name: "oauth.NewApplicationDefault"},
	credsPath + "/jwt.NewTokenFileCallCredentials":             {op: opTLSCreds, name: "jwt.NewTokenFileCallCredentials"},
	credsPath + "/sts.NewCredentials":                          {op: opTLSCreds, name: "sts.NewCredentials"},
	credsPath + "/google.NewServiceAccountIdentityCredentials": {op: opTLSCreds, name: "google.NewServiceAccountIdentityCredentials"},

	metadataPath + ".NewOutgoingContext":      {op: opOutgoingMD},
	metadataPath + ".AppendToOutgoingContext": {op: opOutgoingMD},

	"context.WithCancel":        {op: opCtxDerive},
	"context.WithCancelCause":   {op: opCtxDerive},
	"context.WithTimeout":       {op: opCtxDerive},
	"context.WithTimeoutCause":  {op: opCtxDerive},
	"context.WithDeadline":      {op: opCtxDerive},
	"context.WithDeadlineCause": {op: opCtxDerive},
	"context.WithValue":         {op: opCtxDerive},
	"context.WithoutCancel":     {op: opCtxDerive},
}

// tlsCredsPkgs hold per-RPC credentials that all require transport
// security: a RequireTransportSecurity method declared there returns true.
var tlsCredsPkgs = map[string]bool{
	credsPath + "/oauth":  true,
	credsPath + "/jwt":    true,
	credsPath + "/sts":    true,
	credsPath + "/google": true,
}

// keyTokenSource is the method that makes oauth.TokenSource values
// (and types embedding it) credentials that require TLS.
const keyTokenSource = "(" + credsPath + "/oauth.TokenSource).RequireTransportSecurity"

// APIKeys lists every function and method the pass matches, in
// lintutil.FuncKey notation.
func APIKeys() []string {
	keys := []string{keyTokenSource}
	for k := range apis {
		if !strings.HasPrefix(k, "context.") {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

// ---------------------------------------------------------------------
// Facts

// authKind is the three-valued summary of a set of dial options.
type authKind int

const (
	kindUnknown authKind = iota // may carry credentials: never reported
	kindAuth                    // carries credentials on some path
	kindNone                    // carries none on any path
)

func (k authKind) String() string {
	switch k {
	case kindAuth:
		return "auth"
	case kindNone:
		return "none"
	}
	return "unknown"
}

// optsSummary is what a fact keeps of the options a helper returns.
type optsSummary struct {
	Kind authKind
	// Param is the index of the parameter whose options the helper adds
	// to its own ("auth if its options are"), or -1.
	Param int
	// Insecure: the options select an insecure transport on every path.
	Insecure bool
	// TLSCreds names per-RPC credentials that require transport security,
	// attached on every path through Via.
	TLSCreds string
	Via      int
}

func (s optsSummary) String() string {
	var b strings.Builder
	b.WriteString(s.Kind.String())
	if s.Param >= 0 {
		fmt.Fprintf(&b, "+param%d", s.Param)
	}
	if s.Insecure {
		b.WriteString(" insecure")
	}
	if s.TLSCreds != "" {
		fmt.Fprintf(&b, " tls-creds(%s)", s.TLSCreds)
	}
	return b.String()
}

// optsFact summarises a function whose result is a grpc.DialOption or a
// []grpc.DialOption, or a package-level variable of those types.
type optsFact struct{ Summary optsSummary }

func (*optsFact) AFact()           {}
func (f *optsFact) String() string { return "dialopts(" + f.Summary.String() + ")" }

// dialerFact marks a wrapper of a dial entry point: a function that
// passes its options parameter on to NewClient, Dial or DialContext.
type dialerFact struct {
	Opts   int    // index of the options parameter
	Target int    // index of the target parameter, or -1
	Entry  string // the entry point it calls, for messages
	Base   optsSummary
}

func (*dialerFact) AFact() {}
func (f *dialerFact) String() string {
	return fmt.Sprintf("dialer(opts=%d target=%d base=%s)", f.Opts, f.Target, f.Base)
}

// requiresTLSFact marks a RequireTransportSecurity method that returns
// the constant true.
type requiresTLSFact struct {
	Const bool // always true; gob encodes no empty struct
}

func (*requiresTLSFact) AFact()         {}
func (*requiresTLSFact) String() string { return "requiresTLS" }

// tlsCredsFact marks a function that returns, on every path, per-RPC
// credentials that require transport security.
type tlsCredsFact struct {
	Name string // the credentials, for messages
}

func (*tlsCredsFact) AFact()           {}
func (f *tlsCredsFact) String() string { return "tlscreds(" + f.Name + ")" }

// ---------------------------------------------------------------------
// Abstract values

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
	insecCond string
	// atoms are the branch conditions the path took, as a sorted set
	// (see atom); rule 2 skips paths whose conditions contradict each
	// other, like a switch on a mode followed by an if on the same mode.
	atoms string
}

// val is the set of alternatives (paths) of an expression; never empty.
type val []alt

var (
	emptyVal   = val{{}}
	unknownVal = val{{b: bUnknown}}
)

func (v val) has(b bits) bool {
	for _, a := range v {
		if a.b&b != 0 {
			return true
		}
	}
	return false
}

func combine(x, y alt) alt {
	r := x
	if y.b&(bInsecure|bSecure) != 0 {
		r.b &^= bInsecure | bSecure
		r.insecWhat, r.insecCond = y.insecWhat, y.insecCond
	}
	r.b |= y.b
	r.atoms = addAtoms(r.atoms, y.atoms)
	if r.credName == "" {
		r.credName, r.credVia = y.credName, y.credVia
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

// An atom is one branch condition: "key\x00=value" (key equals value) or
// "key\x00!value" (key differs from value); atoms are joined by "\x01".
const atomSep = "\x01"

func addAtoms(a, b string) string {
	if b == "" || a == b {
		return a
	}
	if a == "" {
		return b
	}
	set := strings.Split(a, atomSep)
	for _, x := range strings.Split(b, atomSep) {
		if !slices.Contains(set, x) {
			set = append(set, x)
		}
	}
	if len(set) > 16 {
		set = set[:16]
	}
	sort.Strings(set)
	return strings.Join(set, atomSep)
}

// contradictory reports whether a path's conditions cannot all hold.
func contradictory(atoms string) bool {
	if atoms == "" {
		return false
	}
	eq := map[string]string{}
	var neq [][2]string
	for _, a := range strings.Split(atoms, atomSep) {
		k, v, _ := strings.Cut(a, "\x00")
		switch v[0] {
		case '=':
			if old, ok := eq[k]; ok && old != v[1:] {
				return true
			}
			eq[k] = v[1:]
		case '!':
			neq = append(neq, [2]string{k, v[1:]})
		}
	}
	for _, n := range neq {
		if v, ok := eq[n[0]]; ok && v == n[1] {
			return true
		}
	}
	return false
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

func addAlt(v val, a alt) val {
	for _, b := range v {
		if a == b {
			return v
		}
	}
	return append(v, a)
}

// collapse merges all paths into one, dropping the per-path knowledge
// rule 2 needs (it must not pair an insecure transport and credentials
// from different paths).
func collapse(v val) val {
	var r alt
	for _, a := range v {
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

func summarize(v val) optsSummary {
	s := optsSummary{Param: -1}
	if len(v) == 0 {
		return s
	}
	auth, unknown := false, false
	params := map[int]bool{}
	allInsecure, allCreds := true, true
	for _, a := range v {
		auth = auth || a.b&bAuth != 0
		unknown = unknown || a.b&bUnknown != 0
		if a.param > 0 {
			params[a.param-1] = true
		}
		allInsecure = allInsecure && a.b&bInsecure != 0
		allCreds = allCreds && a.credName != ""
	}
	switch {
	case auth:
		s.Kind = kindAuth
		return s
	case unknown || len(params) > 1:
		s.Kind = kindUnknown
		return s
	}
	s.Kind = kindNone
	for p := range params {
		s.Param = p
	}
	s.Insecure = allInsecure
	if allCreds {
		s.TLSCreds, s.Via = v[0].credName, v[0].credVia
	}
	return s
}

func (s optsSummary) val(what string) val {
	a := alt{param: s.Param + 1}
	switch s.Kind {
	case kindAuth:
		a.b |= bAuth
	case kindUnknown:
		a.b |= bUnknown
	}
	if s.Insecure {
		a.b |= bInsecure
		a.insecWhat = what
	}
	a.credName, a.credVia = s.TLSCreds, s.Via
	return val{a}
}

// ---------------------------------------------------------------------
// The pass

type checker struct {
	pass     *analysis.Pass
	cfg      *Config
	allow    []*regexp.Regexp
	r        *lintutil.Reporter
	decls    map[*types.Func]*ast.FuncDecl
	done     map[*ast.FuncDecl]*funcResult
	pkgVars  map[*types.Var]*ast.ValueSpec
	varVals  map[*types.Var]val
	assigned map[*types.Var]bool // package vars assigned outside their declaration
	escaped  map[*types.Var]bool // locals assigned in closures or whose address is taken
	perCall  *bool               // the package attaches credentials per call
	insp     *inspector.Inspector
}

type funcResult struct {
	ret    val // value of the options result, nil when not summarised
	dialer *dialerFact
}

var errInProgress = &funcResult{ret: unknownVal}

func run(pass *analysis.Pass, cfg *Config) (any, error) {
	exportRequiresTLS(pass)
	// Fast path: a package that cannot see grpc or its credentials builds
	// no connection, no options and no credentials (its
	// RequireTransportSecurity facts are exported above from declarations
	// alone).
	if !lintutil.Reaches(pass, grpcPath, credsPath) {
		return nil, nil
	}
	c := &checker{
		pass:     pass,
		cfg:      cfg,
		r:        lintutil.NewReporter(pass, lintutil.Policy{Tests: cfg.Tests}),
		decls:    make(map[*types.Func]*ast.FuncDecl),
		done:     make(map[*ast.FuncDecl]*funcResult),
		pkgVars:  make(map[*types.Var]*ast.ValueSpec),
		varVals:  make(map[*types.Var]val),
		assigned: make(map[*types.Var]bool),
		escaped:  make(map[*types.Var]bool),
		insp:     lintutil.Inspector(pass),
	}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("dialcreds: %v", err)
	}
	for _, p := range cfg.AllowTarget {
		c.allow = append(c.allow, regexp.MustCompile(p))
	}
	c.index()
	for cur := range c.insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.GenDecl)(nil)) {
		switch d := cur.Node().(type) {
		case *ast.FuncDecl:
			c.funcDecl(d)
		case *ast.GenDecl:
			if _, ok := cur.Parent().Node().(*ast.File); ok && d.Tok == token.VAR {
				for _, spec := range d.Specs {
					vs := spec.(*ast.ValueSpec)
					for _, name := range vs.Names {
						if v, ok := pass.TypesInfo.Defs[name].(*types.Var); ok {
							c.pkgVar(v)
						}
					}
					if len(vs.Names) != len(vs.Values) {
						// var a, b = f(): checked once through the call.
						fs := c.newFunc(nil, vs)
						for _, e := range vs.Values {
							fs.eval(e)
						}
					}
				}
			}
		}
	}
	c.r.Finish()
	return nil, nil
}

// index records declarations, package variables assigned outside their
// declaration, and locals that escape the straight-line walk.
func (c *checker) index() {
	info := c.pass.TypesInfo
	for cur := range c.insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.ValueSpec)(nil),
		(*ast.AssignStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.IncDecStmt)(nil), (*ast.RangeStmt)(nil),
		(*ast.Ident)(nil), (*ast.SelectorExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.SelectorExpr:
			// opts.Add(o) with a pointer receiver takes &opts.
			if sel := info.Selections[n]; sel != nil && sel.Kind() == types.MethodVal {
				if sig, ok := sel.Obj().Type().(*types.Signature); ok && sig.Recv() != nil {
					if _, ptrRecv := sig.Recv().Type().(*types.Pointer); ptrRecv {
						if _, ptrX := types.Unalias(info.TypeOf(n.X)).(*types.Pointer); !ptrX {
							c.noteWrite(n.X, nil, true)
						}
					}
				}
			}
		case *ast.Ident:
			c.tlsConfUse(cur, n)
		case *ast.FuncDecl:
			if fn, ok := info.Defs[n.Name].(*types.Func); ok && n.Body != nil {
				c.decls[fn] = n
			}
		case *ast.ValueSpec:
			for _, name := range n.Names {
				if v, ok := info.Defs[name].(*types.Var); ok && v.Parent() == c.pass.Pkg.Scope() {
					c.pkgVars[v] = n
				}
			}
		case *ast.AssignStmt:
			lit := enclosingLit(cur)
			for _, lhs := range n.Lhs {
				c.noteWrite(lhs, lit, false)
			}
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				lit := enclosingLit(cur)
				c.noteWrite(n.Key, lit, false)
				c.noteWrite(n.Value, lit, false)
			}
		case *ast.IncDecStmt:
			c.noteWrite(n.X, enclosingLit(cur), false)
		case *ast.UnaryExpr:
			if n.Op == token.AND && !c.newTLSArg(cur) {
				c.noteWrite(n.X, nil, true)
			}
		}
	}
}

// tlsConfUse marks a local tls.Config as escaped when it is used other
// than through its fields and methods, assigned, or given to
// credentials.NewTLS: whatever it is given to may add client
// certificates.
func (c *checker) tlsConfUse(cur inspector.Cursor, id *ast.Ident) {
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.IsField() || !isTLSConfig(v.Type()) {
		return
	}
	switch p := cur.Parent().Node().(type) {
	case *ast.SelectorExpr:
		if p.X == id {
			return
		}
	case *ast.AssignStmt:
		for _, l := range p.Lhs {
			if l == id {
				return
			}
		}
	case *ast.UnaryExpr:
		if p.Op == token.AND && c.newTLSArg(cur.Parent()) {
			return
		}
	}
	if c.newTLSArg(cur) {
		return
	}
	if v.Parent() == c.pass.Pkg.Scope() {
		c.assigned[v] = true
	} else {
		c.escaped[v] = true
	}
}

// newTLSArg reports whether cur is the argument of credentials.NewTLS.
func (c *checker) newTLSArg(cur inspector.Cursor) bool {
	call, ok := cur.Parent().Node().(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || call.Args[0] != cur.Node() {
		return false
	}
	fn := lintutil.Callee(c.pass.TypesInfo, call)
	return fn != nil && lintutil.FuncKey(fn) == credsPath+".NewTLS"
}

// enclosingLit is the innermost function literal around cur, or nil.
func enclosingLit(cur inspector.Cursor) ast.Node {
	for p := range cur.Enclosing((*ast.FuncLit)(nil)) {
		return p.Node()
	}
	return nil
}

// noteWrite records an assignment to e: a package variable assigned
// anywhere has an unknown value; a local assigned inside a closure it is
// declared outside of (lit), or whose address is taken (addr), is
// unknown to the straight-line walk.
func (c *checker) noteWrite(e ast.Expr, lit ast.Node, addr bool) {
	if e == nil {
		return
	}
	e = ast.Unparen(e)
	for {
		switch x := e.(type) {
		case *ast.IndexExpr:
			e = x.X
			continue
		case *ast.SliceExpr:
			e = x.X
			continue
		case *ast.SelectorExpr:
			// otherpkg.Opts = ...: that package's variable changes here.
			if id := identOf(x.X); id != nil {
				if _, ok := c.pass.TypesInfo.Uses[id].(*types.PkgName); ok {
					if v, ok := c.pass.TypesInfo.Uses[x.Sel].(*types.Var); ok {
						c.assigned[v] = true
					}
					return
				}
			}
			e = x.X
			continue
		case *ast.StarExpr:
			e = x.X
			continue
		case *ast.ParenExpr:
			e = x.X
			continue
		}
		break
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return
	}
	switch {
	case v.Parent() == c.pass.Pkg.Scope():
		c.assigned[v] = true
	case addr:
		c.escaped[v] = true
	case lit != nil && (v.Pos() < lit.Pos() || v.Pos() >= lit.End()):
		c.escaped[v] = true
	}
}

// exportRequiresTLS exports a fact for every RequireTransportSecurity
// method of the package that returns the constant true. It looks at
// declarations only, so it is cheap enough to run before the fast path.
func exportRequiresTLS(pass *analysis.Pass) {
	scope := pass.Pkg.Scope()
	found := false
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		if n, ok := tn.Type().(*types.Named); ok {
			for m := range n.Methods() {
				if m.Name() == "RequireTransportSecurity" {
					found = true
				}
			}
		}
	}
	if !found {
		return
	}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || fd.Name.Name != "RequireTransportSecurity" || fd.Body == nil {
				continue
			}
			fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			sig := fn.Type().(*types.Signature)
			if sig.Params().Len() != 0 || sig.Results().Len() != 1 || returnsTrue(pass.TypesInfo, fd.Body) != 1 {
				continue
			}
			pass.ExportObjectFact(fn, &requiresTLSFact{Const: true})
		}
	}
}

// returnsTrue is 1 when every return statement of body (outside
// closures) returns the constant true, and there is at least one.
func returnsTrue(info *types.Info, body *ast.BlockStmt) int {
	n, ok := 0, true
	ast.Inspect(body, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			n++
			if len(x.Results) != 1 {
				ok = false
				return false
			}
			tv := info.Types[x.Results[0]]
			if tv.Value == nil || tv.Value.String() != "true" {
				ok = false
			}
		}
		return true
	})
	if ok && n > 0 {
		return 1
	}
	return 0
}

// funcDecl walks a function once, reporting as it goes, and returns the
// summary of its options result.
func (c *checker) funcDecl(d *ast.FuncDecl) *funcResult {
	if r, ok := c.done[d]; ok {
		return r
	}
	if d.Body == nil {
		return nil
	}
	c.done[d] = errInProgress
	fn, _ := c.pass.TypesInfo.Defs[d.Name].(*types.Func)
	fs := c.newFunc(fn, d)
	fs.body = d.Body
	fs.params(d.Type)
	fs.block(d.Body.List)
	res := &funcResult{dialer: fs.sh.dialer}
	if fs.resIdx >= 0 {
		if fs.sh.returns == nil {
			res.ret = unknownVal
		} else {
			res.ret = fs.sh.returns
		}
	}
	c.done[d] = res
	if fn != nil {
		if fs.resIdx >= 0 && isOptionType(fs.sig.Results().At(fs.resIdx).Type()) {
			c.pass.ExportObjectFact(fn, &optsFact{Summary: summarize(res.ret)})
		}
		if fs.resIdx >= 0 && lintutil.IsNamed(fs.sig.Results().At(fs.resIdx).Type(), credsPath, "PerRPCCredentials", false) {
			if name, ok := allTLSCreds(res.ret, funcName(fn)); ok {
				c.pass.ExportObjectFact(fn, &tlsCredsFact{Name: name})
			}
		}
		if res.dialer != nil {
			c.pass.ExportObjectFact(fn, res.dialer)
		}
	}
	return res
}

// allTLSCreds reports whether every path of v is per-RPC credentials that
// require transport security, and names them: by their own name when all
// paths agree, else by the function's (fname).
func allTLSCreds(v val, fname string) (string, bool) {
	if len(v) == 0 {
		return "", false
	}
	name := v[0].credName
	for _, a := range v {
		if a.b&bTLSCreds == 0 {
			return "", false
		}
		if a.credName != name {
			name = fname
		}
	}
	return name, true
}

// pkgVar is the value of a package-level variable of this package.
func (c *checker) pkgVar(v *types.Var) val {
	if r, ok := c.varVals[v]; ok {
		return r
	}
	c.varVals[v] = unknownVal // cycles
	r := unknownVal
	if spec := c.pkgVars[v]; spec != nil {
		if len(spec.Values) == 0 {
			r = emptyVal
		} else if len(spec.Values) == len(spec.Names) {
			for i, name := range spec.Names {
				if c.pass.TypesInfo.Defs[name] == v {
					fs := c.newFunc(nil, spec)
					r = fs.eval(spec.Values[i])
				}
			}
		}
	}
	if c.assigned[v] {
		r = unknownVal
	}
	c.varVals[v] = r
	if isOptionType(v.Type()) {
		c.pass.ExportObjectFact(v, &optsFact{Summary: summarize(r)})
	}
	return r
}

func (c *checker) perCallAuth() bool {
	if c.perCall != nil {
		return *c.perCall
	}
	found := false
	info := c.pass.TypesInfo
	for cur := range c.insp.Root().Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			fn := lintutil.Callee(info, n)
			if fn == nil {
				continue
			}
			switch lintutil.FuncKey(fn) {
			case grpcPath + ".PerRPCCredentials":
				if p, ok := cur.Parent().Node().(*ast.CallExpr); ok {
					if pf := lintutil.Callee(info, p); pf != nil && lintutil.FuncKey(pf) == grpcPath+".WithDefaultCallOptions" {
						continue
					}
				}
				found = true
			case metadataPath + ".AppendToOutgoingContext":
				for i := 1; i < len(n.Args); i += 2 {
					found = found || isAuthKey(info, n.Args[i])
				}
			case metadataPath + ".Pairs":
				for i := 0; i < len(n.Args); i += 2 {
					found = found || isAuthKey(info, n.Args[i])
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
				mdNew = fn != nil && lintutil.FuncKey(fn) == metadataPath+".New"
			}
			if !mdNew && !lintutil.IsNamed(t, metadataPath, "MD", false) {
				continue
			}
			for _, e := range n.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok && isAuthKey(info, kv.Key) {
					found = true
				}
			}
		}
		if found {
			break
		}
	}
	c.perCall = &found
	return found
}

func isAuthKey(info *types.Info, e ast.Expr) bool {
	s, ok := lintutil.ConstString(info, e)
	return ok && strings.EqualFold(s, "authorization")
}

// ---------------------------------------------------------------------
// Walking a function

type funcState struct {
	c      *checker
	fn     *types.Func // nil for closures and package-level initializers
	sig    *types.Signature
	env    map[*types.Var]val
	param  map[*types.Var]int // options parameters -> 1 + index
	resIdx int                // index of the summarised result, or -1
	cond   string             // the condition of the innermost branch
	atom   string             // the branch's condition as an atom, or ""
	body   *ast.BlockStmt
	skip   bool // in a _test.go file and tests are off
	// sh is shared by the forks of the walk of one function.
	sh *funcShared
}

// funcShared is what the branches of a function's walk collect together.
type funcShared struct {
	returns val
	dialer  *dialerFact
	// Uses of local contexts in body, the contexts each derives from, and
	// the context arguments of DialContext calls, computed by need.
	ctxUses map[*types.Var][]ast.Node
	ctxFrom map[*types.Var][]*types.Var
	dialCtx map[ast.Node]bool
}

func (c *checker) newFunc(fn *types.Func, n ast.Node) *funcState {
	fs := &funcState{c: c, fn: fn, env: make(map[*types.Var]val), param: make(map[*types.Var]int), resIdx: -1, sh: new(funcShared)}
	fs.skip = c.r.InTest(n.Pos())
	if fn != nil {
		fs.sig = fn.Type().(*types.Signature)
		fs.resIdx = resultIndex(fs.sig)
	}
	return fs
}

// resultIndex is the index of the first result the pass summarises.
func resultIndex(sig *types.Signature) int {
	for i := 0; i < sig.Results().Len(); i++ {
		if isTracked(sig.Results().At(i).Type()) {
			return i
		}
	}
	return -1
}

func (fs *funcState) params(ft *ast.FuncType) {
	if fs.sig == nil {
		return
	}
	for i := 0; i < fs.sig.Params().Len(); i++ {
		p := fs.sig.Params().At(i)
		if isOptionType(p.Type()) {
			fs.param[p] = i + 1
		}
	}
	// Named results start as their zero value.
	for i := 0; i < fs.sig.Results().Len(); i++ {
		fs.env[fs.sig.Results().At(i)] = emptyVal
	}
}

func (fs *funcState) fork() *funcState {
	g := *fs
	g.env = maps.Clone(fs.env)
	return &g
}

// block walks a statement list; it reports whether the list never
// completes normally (return or panic on every path).
func (fs *funcState) block(list []ast.Stmt) bool {
	for _, s := range list {
		if fs.stmt(s) {
			return true
		}
	}
	return false
}

func (fs *funcState) stmt(s ast.Stmt) bool {
	info := fs.c.pass.TypesInfo
	switch s := s.(type) {
	case *ast.BlockStmt:
		return fs.block(s.List)
	case *ast.ExprStmt:
		fs.discarded(s.X)
		fs.eval(s.X)
		if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" {
				if _, ok := info.Uses[id].(*types.Builtin); ok {
					return true
				}
			}
			if fn := lintutil.Callee(info, call); fn != nil && noReturn(fn) {
				return true
			}
		}
	case *ast.AssignStmt:
		fs.assign(s.Lhs, s.Rhs, s.Tok)
	case *ast.DeclStmt:
		gd, ok := s.Decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			break
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			lhs := make([]ast.Expr, len(vs.Names))
			for i, n := range vs.Names {
				lhs[i] = n
			}
			if len(vs.Values) == 0 {
				for _, n := range vs.Names {
					if v, ok := info.Defs[n].(*types.Var); ok {
						fs.set(v, emptyVal)
					}
				}
				continue
			}
			fs.assign(lhs, vs.Values, token.DEFINE)
		}
	case *ast.IfStmt:
		if s.Init != nil {
			fs.stmt(s.Init)
		}
		fs.eval(s.Cond)
		text := fs.condText(s.Cond)
		pre := fs.env
		th := fs.fork()
		th.cond = text
		th.atom = fs.condAtom(s.Cond, true)
		tTerm := th.stmt(s.Body)
		el := fs.fork()
		el.cond = negate(text)
		el.atom = fs.condAtom(s.Cond, false)
		eTerm := false
		if s.Else != nil {
			eTerm = el.stmt(s.Else)
		}
		fs.merge(pre, []*funcState{th, el}, []bool{tTerm, eTerm})
		return tTerm && eTerm
	case *ast.SwitchStmt:
		if s.Init != nil {
			fs.stmt(s.Init)
		}
		tag := ""
		if s.Tag != nil {
			fs.eval(s.Tag)
			tag = fs.text(s.Tag)
		}
		return fs.clauses(s.Body, func(cc *ast.CaseClause) (string, string) {
			atom := ""
			if len(cc.List) == 1 {
				if s.Tag != nil {
					atom = fs.eqAtom(s.Tag, cc.List[0], true)
				} else {
					atom = fs.condAtom(cc.List[0], true)
				}
			}
			var parts []string
			for _, e := range cc.List {
				fs.eval(e)
				if tag != "" {
					parts = append(parts, tag+" == "+fs.text(e))
				} else {
					parts = append(parts, fs.text(e))
				}
			}
			return strings.Join(parts, " || "), atom
		})
	case *ast.TypeSwitchStmt:
		if s.Init != nil {
			fs.stmt(s.Init)
		}
		fs.stmt(s.Assign)
		return fs.clauses(s.Body, func(*ast.CaseClause) (string, string) { return "", "" })
	case *ast.SelectStmt:
		pre := fs.env
		var branches []*funcState
		var terms []bool
		for _, cl := range s.Body.List {
			cc := cl.(*ast.CommClause)
			b := fs.fork()
			if cc.Comm != nil {
				b.stmt(cc.Comm)
			}
			branches = append(branches, b)
			terms = append(terms, b.block(cc.Body))
		}
		if len(branches) == 0 {
			return true
		}
		fs.merge(pre, branches, terms)
		for _, t := range terms {
			if !t {
				return false
			}
		}
		return true
	case *ast.ForStmt:
		if s.Init != nil {
			fs.stmt(s.Init)
		}
		if s.Cond != nil {
			fs.eval(s.Cond)
		}
		fs.loop(func(b *funcState) {
			b.stmt(s.Body)
			if s.Post != nil {
				b.stmt(s.Post)
			}
		})
	case *ast.RangeStmt:
		fs.eval(s.X)
		fs.loop(func(b *funcState) {
			for _, e := range []ast.Expr{s.Key, s.Value} {
				if id, ok := e.(*ast.Ident); ok {
					if v, ok := info.ObjectOf(id).(*types.Var); ok {
						b.set(v, unknownVal)
					}
				}
			}
			b.stmt(s.Body)
		})
	case *ast.ReturnStmt:
		fs.ret(s)
		return true
	case *ast.LabeledStmt:
		return fs.stmt(s.Stmt)
	case *ast.GoStmt:
		fs.eval(s.Call)
	case *ast.DeferStmt:
		fs.eval(s.Call)
	case *ast.SendStmt:
		fs.eval(s.Chan)
		fs.eval(s.Value)
	case *ast.IncDecStmt:
		fs.eval(s.X)
	}
	return false
}

// noReturn reports whether a call of fn never returns: os.Exit,
// runtime.Goexit, the Fatal and Panic functions and methods of loggers
// (log, testing, grpclog and their look-alikes), and testing's FailNow
// and Skip. A branch that ends in one does not reach the code after it.
func noReturn(fn *types.Func) bool {
	name := fn.Name()
	switch lintutil.PkgPath(fn.Pkg()) {
	case "os", "syscall":
		return name == "Exit"
	case "runtime":
		return name == "Goexit"
	case "testing":
		switch name {
		case "FailNow", "SkipNow", "Skip", "Skipf":
			return true
		}
	}
	return strings.HasPrefix(name, "Fatal") || strings.HasPrefix(name, "Panic") && name != "PanicOnError"
}

// clauses walks the clauses of a switch.
func (fs *funcState) clauses(body *ast.BlockStmt, cond func(*ast.CaseClause) (string, string)) bool {
	pre := fs.env
	var branches []*funcState
	var terms []bool
	hasDefault := false
	for _, cl := range body.List {
		cc := cl.(*ast.CaseClause)
		if cc.List == nil {
			hasDefault = true
		}
		b := fs.fork()
		if t, atom := cond(cc); t != "" {
			b.cond, b.atom = t, atom
		}
		branches = append(branches, b)
		terms = append(terms, b.block(cc.Body))
	}
	if !hasDefault {
		branches = append(branches, fs.fork())
		terms = append(terms, false)
	}
	fs.merge(pre, branches, terms)
	for _, t := range terms {
		if !t {
			return false
		}
	}
	return true
}

// loop walks a loop body that runs zero or more times.
func (fs *funcState) loop(body func(*funcState)) {
	pre := fs.env
	b := fs.fork()
	body(b)
	fs.merge(pre, []*funcState{fs.fork(), b}, []bool{false, false})
}

// merge joins the environments of the branches that complete; a value
// that gains an insecure transport in a branch is tagged with the
// branch's condition.
func (fs *funcState) merge(pre map[*types.Var]val, branches []*funcState, terms []bool) {
	var out map[*types.Var]val
	for i, b := range branches {
		if terms[i] {
			continue
		}
		if b.atom != "" && b.atom != fs.atom {
			for v, x := range b.env {
				p := pre[v]
				b.env[v] = mapAlts(x, func(a alt) alt {
					if !slices.Contains(p, a) {
						a.atoms = addAtoms(a.atoms, b.atom)
					}
					return a
				})
			}
		}
		if b.cond != "" && b.cond != fs.cond {
			for v, x := range b.env {
				if x.has(bInsecure) && fs.chosen(v, x, branches, terms, i) {
					b.env[v] = mapAlts(x, func(a alt) alt {
						if a.b&bInsecure != 0 && a.insecCond == "" {
							a.insecCond = b.cond
						}
						return a
					})
				}
			}
		}
		if out == nil {
			out = maps.Clone(b.env)
			continue
		}
		for v, x := range b.env {
			if y, ok := out[v]; ok {
				out[v] = join(y, x)
			} else {
				out[v] = x
			}
		}
	}
	if out == nil {
		out = pre
	}
	fs.env = out
}

// chosen reports whether the insecure transport of x, the value of v in
// branch i, is chosen by the branch: another branch that completes holds
// a different value for v.
func (fs *funcState) chosen(v *types.Var, x val, branches []*funcState, terms []bool, i int) bool {
	for j, b := range branches {
		if j == i || terms[j] {
			continue
		}
		y, ok := b.env[v]
		if !ok {
			continue
		}
		for _, a := range x {
			if a.b&bInsecure != 0 && !slices.Contains(y, a) {
				return true
			}
		}
	}
	return false
}

func (fs *funcState) set(v *types.Var, x val) {
	if fs.c.escaped[v] {
		x = unknownVal
	}
	fs.env[v] = x
}

func (fs *funcState) assign(lhs, rhs []ast.Expr, tok token.Token) {
	info := fs.c.pass.TypesInfo
	if tok != token.ASSIGN && tok != token.DEFINE {
		for _, e := range rhs {
			fs.eval(e)
		}
		return
	}
	vals := make([]val, len(lhs))
	if len(lhs) == len(rhs) {
		for i, e := range rhs {
			vals[i] = fs.eval(e)
			if id, ok := lhs[i].(*ast.Ident); ok && id.Name == "_" {
				fs.discarded(e)
			}
		}
	} else if len(rhs) == 1 {
		x := fs.eval(rhs[0])
		idx := -1
		if tup, ok := info.TypeOf(rhs[0]).(*types.Tuple); ok {
			for i := 0; i < tup.Len(); i++ {
				if isTracked(tup.At(i).Type()) {
					idx = i
					break
				}
			}
		}
		for i := range vals {
			vals[i] = unknownVal
			if i == idx {
				vals[i] = x
			}
		}
	}
	for i, l := range lhs {
		if vals[i] == nil {
			vals[i] = unknownVal
		}
		switch l := ast.Unparen(l).(type) {
		case *ast.Ident:
			if v, ok := info.ObjectOf(l).(*types.Var); ok && v.Parent() != fs.c.pass.Pkg.Scope() {
				fs.set(v, vals[i])
			}
		case *ast.SelectorExpr:
			// cfg.Certificates = ...: a tls.Config followed by the walk
			// gains client certificates.
			id := identOf(l.X)
			if id == nil || !clientCertField(l.Sel.Name) {
				fs.eval(l.X)
				break
			}
			if v, ok := info.Uses[id].(*types.Var); ok && isTLSConfig(v.Type()) {
				if x, tracked := fs.env[v]; tracked {
					fs.set(v, mapAlts(x, func(a alt) alt { a.b |= bAuth; return a }))
				}
			}
		case *ast.IndexExpr:
			fs.eval(l.Index)
			if id, ok := ast.Unparen(l.X).(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok {
					if _, tracked := fs.env[v]; tracked {
						fs.set(v, unknownVal)
					}
				}
			} else {
				fs.eval(l.X)
			}
		default:
			fs.eval(l)
		}
	}
}

func (fs *funcState) ret(s *ast.ReturnStmt) {
	var vals []val
	for _, e := range s.Results {
		vals = append(vals, fs.eval(e))
	}
	if fs.resIdx < 0 {
		return
	}
	var x val
	switch {
	case len(s.Results) == 0:
		x = fs.lookup(fs.sig.Results().At(fs.resIdx))
	case len(s.Results) == fs.sig.Results().Len():
		x = vals[fs.resIdx]
	case len(s.Results) == 1:
		x = vals[0] // return f(), a call with several results
	default:
		x = unknownVal
	}
	if fs.sh.returns == nil {
		fs.sh.returns = x
	} else {
		fs.sh.returns = join(fs.sh.returns, x)
	}
}

func (fs *funcState) lookup(v *types.Var) val {
	if x, ok := fs.env[v]; ok {
		return x
	}
	if p := fs.param[v]; p > 0 {
		return val{{param: p}}
	}
	if v.Parent() == fs.c.pass.Pkg.Scope() {
		return fs.c.pkgVar(v)
	}
	if v.Pkg() != nil && v.Pkg() != fs.c.pass.Pkg && v.Parent() == v.Pkg().Scope() && !fs.c.assigned[v] {
		var f optsFact
		if fs.c.pass.ImportObjectFact(v, &f) {
			return f.Summary.val("the options of " + v.Pkg().Name() + "." + v.Name())
		}
	}
	return unknownVal
}

// ---------------------------------------------------------------------
// Expressions

func (fs *funcState) eval(e ast.Expr) val {
	info := fs.c.pass.TypesInfo
	switch e := e.(type) {
	case nil:
		return unknownVal
	case *ast.ParenExpr:
		return fs.eval(e.X)
	case *ast.Ident:
		switch obj := info.Uses[e].(type) {
		case *types.Var:
			return fs.lookup(obj)
		case *types.Nil:
			return emptyVal
		}
		return fs.byType(e)
	case *ast.SelectorExpr:
		if sel := info.Selections[e]; sel == nil {
			// Qualified identifier.
			if v, ok := info.Uses[e.Sel].(*types.Var); ok {
				return fs.lookup(v)
			}
			return fs.byType(e)
		}
		fs.eval(e.X)
		return fs.byType(e)
	case *ast.CompositeLit:
		t := info.TypeOf(e)
		if t != nil && isTLSConfig(t) {
			for _, el := range e.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					fs.eval(kv.Value)
				}
			}
			return tlsConfLit(e)
		}
		if t != nil {
			if sl, ok := t.Underlying().(*types.Slice); ok && isTracked(sl.Elem()) {
				x := emptyVal
				for _, el := range e.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						el = kv.Value
					}
					x = concat(x, fs.eval(el))
				}
				return x
			}
		}
		for _, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			fs.eval(el)
		}
		return fs.byType(e)
	case *ast.UnaryExpr:
		x := fs.eval(e.X)
		if e.Op == token.AND {
			if isTLSConfig(info.TypeOf(e.X)) {
				return x
			}
			return fs.byType(e)
		}
		return unknownVal
	case *ast.CallExpr:
		return fs.call(e)
	case *ast.FuncLit:
		g := fs.c.newFunc(nil, e)
		g.body = e.Body
		g.skip = fs.skip
		g.block(e.Body.List)
		return unknownVal
	case *ast.BinaryExpr:
		fs.eval(e.X)
		fs.eval(e.Y)
	case *ast.IndexExpr:
		fs.eval(e.X)
		fs.eval(e.Index)
	case *ast.IndexListExpr:
		fs.eval(e.X)
	case *ast.SliceExpr:
		x := fs.eval(e.X)
		fs.eval(e.Low)
		fs.eval(e.High)
		if e.Low == nil && e.High == nil {
			return x
		}
	case *ast.StarExpr:
		fs.eval(e.X)
	case *ast.TypeAssertExpr:
		fs.eval(e.X)
	case *ast.KeyValueExpr:
		fs.eval(e.Value)
	}
	return unknownVal
}

// byType classifies a value by its static type: a concrete type whose
// RequireTransportSecurity is known to return true.
func (fs *funcState) byType(e ast.Expr) val {
	t := fs.c.pass.TypesInfo.TypeOf(e)
	if name, ok := fs.tlsCredsType(t); ok {
		return val{{b: bTLSCreds, credName: name}}
	}
	return unknownVal
}

func (fs *funcState) tlsCredsType(t types.Type) (string, bool) {
	if t == nil || types.IsInterface(t) {
		return "", false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "RequireTransportSecurity")
	m, ok := obj.(*types.Func)
	if !ok {
		return "", false
	}
	if !tlsCredsPkgs[lintutil.PkgPath(m.Pkg())] && !fs.c.pass.ImportObjectFact(m.Origin(), new(requiresTLSFact)) {
		return "", false
	}
	return types.TypeString(t, func(p *types.Package) string { return p.Name() }), true
}

func (fs *funcState) call(call *ast.CallExpr) val {
	info := fs.c.pass.TypesInfo
	// Conversions: []grpc.DialOption(x).
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) != 1 {
			return unknownVal
		}
		x := fs.eval(call.Args[0])
		if name, ok := fs.tlsCredsType(tv.Type); ok {
			return val{{b: bTLSCreds, credName: name}}
		}
		return x
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			args := fs.evalArgs(call)
			switch {
			case b.Name() == "append" && len(args) > 0:
				x := args[0]
				for _, a := range args[1:] {
					x = concat(x, a)
				}
				return x
			case b.Name() == "make" && len(call.Args) >= 2:
				// make([]grpc.DialOption, 0, n) holds no options; nil
				// elements of a longer slice are there to be filled.
				if tv := info.Types[call.Args[1]]; tv.Value != nil && tv.Value.String() == "0" {
					return emptyVal
				}
			}
			return unknownVal
		}
	}
	var recv val
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		if info.Selections[f] != nil {
			recv = fs.eval(f.X)
		}
	case *ast.Ident:
	default:
		fs.eval(f)
	}
	args := fs.evalArgs(call)
	fn := lintutil.Callee(info, call)
	if fn == nil {
		return unknownVal
	}
	key := lintutil.FuncKey(fn)
	sig := fn.Type().(*types.Signature)
	if !arityOK(sig, call) {
		return unknownVal // a type error: judge nothing
	}
	if a, ok := apis[key]; ok {
		return fs.apply(call, a, recv, args)
	}
	if sig.Recv() == nil && lintutil.PkgPath(fn.Pkg()) == grpcPath && sig.Results().Len() == 1 {
		// Other options of package grpc (WithBlock, WithUserAgent,
		// MaxCallRecvMsgSize, ...) carry no credentials.
		if t := sig.Results().At(0).Type(); lintutil.IsNamed(t, grpcPath, "DialOption", false) || lintutil.IsNamed(t, grpcPath, "CallOption", false) {
			return emptyVal
		}
	}
	// Call options on a connection or a client built from one (rule 2).
	if recv != nil && sig.Variadic() {
		if last, ok := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice); ok && lintutil.IsNamed(last.Elem(), grpcPath, "CallOption", false) {
			fs.callOptions(call, recv, argVal(sig, call, args, sig.Params().Len()-1), args[min(sig.Params().Len()-1, len(args)):])
		}
	}
	// Same-package functions: the walk's own summary.
	if fn.Pkg() == fs.c.pass.Pkg {
		if d := fs.c.decls[fn]; d != nil {
			res := fs.c.funcDecl(d)
			if res == nil {
				return unknownVal
			}
			if res.dialer != nil {
				fs.checkWrapper(call, res.dialer, sig, args)
			}
			if res.ret != nil {
				return fs.instantiate(res.ret, sig, call, args)
			}
			return fs.clientOf(call, sig)
		}
		return fs.clientOf(call, sig)
	}
	var cf tlsCredsFact
	if fs.c.pass.ImportObjectFact(fn, &cf) {
		return val{{b: bTLSCreds, credName: cf.Name}}
	}
	var df dialerFact
	if fs.c.pass.ImportObjectFact(fn, &df) {
		fs.checkWrapper(call, &df, sig, args)
	}
	var of optsFact
	if fs.c.pass.ImportObjectFact(fn, &of) {
		return fs.instantiate(of.Summary.val("the options of "+funcName(fn)), sig, call, args)
	}
	return fs.clientOf(call, sig)
}

// clientOf is the value of a call with no summary: a generated client
// constructor (one *grpc.ClientConn or ClientConnInterface argument)
// carries its connection's value; anything else is unknown or classified
// by type.
func (fs *funcState) clientOf(call *ast.CallExpr, sig *types.Signature) val {
	if sig.Params().Len() == 1 && len(call.Args) == 1 && sig.Results().Len() == 1 {
		t := sig.Params().At(0).Type()
		if lintutil.IsNamed(t, grpcPath, "ClientConn", true) || lintutil.IsNamed(t, grpcPath, "ClientConnInterface", false) {
			return fs.eval(call.Args[0])
		}
	}
	if sig.Results().Len() == 1 {
		return fs.byType(call)
	}
	return unknownVal
}

// evalArgs evaluates every argument; a variadic list not spread is kept
// per argument.
func (fs *funcState) evalArgs(call *ast.CallExpr) []val {
	out := make([]val, len(call.Args))
	for i, a := range call.Args {
		out[i] = fs.eval(a)
	}
	return out
}

// argVal is the value a call gives parameter i.
func argVal(sig *types.Signature, call *ast.CallExpr, args []val, i int) val {
	n := sig.Params().Len()
	if sig.Variadic() && i == n-1 {
		if call.Ellipsis.IsValid() {
			if i < len(args) {
				return args[i]
			}
			return unknownVal
		}
		x := emptyVal
		for _, a := range args[min(i, len(args)):] {
			x = concat(x, a)
		}
		return x
	}
	if i < len(args) {
		return args[i]
	}
	return unknownVal
}

// instantiate replaces the parameter markers of a summary by the
// arguments of the call.
func (fs *funcState) instantiate(v val, sig *types.Signature, call *ast.CallExpr, args []val) val {
	var out val
	for _, a := range v {
		if a.param == 0 {
			out = join(out, val{a})
			continue
		}
		p := a.param - 1
		a.param = 0
		out = join(out, concat(val{a}, argVal(sig, call, args, p)))
	}
	if out == nil {
		return unknownVal
	}
	return out
}

func (fs *funcState) apply(call *ast.CallExpr, a api, recv val, args []val) val {
	arg := func(i int) val {
		if i < len(args) {
			return args[i]
		}
		return unknownVal
	}
	switch a.op {
	case opDial:
		sig := lintutil.Callee(fs.c.pass.TypesInfo, call).Type().(*types.Signature)
		opts := argVal(sig, call, args, sig.Params().Len()-1)
		var ctx val
		if a.ctx >= 0 {
			ctx = arg(a.ctx)
		}
		var target ast.Expr
		if a.target < len(call.Args) {
			target = call.Args[a.target]
		}
		fs.checkDial(call, a.name, opts, target, ctx, a.ctx)
		fs.noteDialer(call, a.name, opts, target)
		return opts
	case opPerRPC:
		return mapAlts(arg(0), func(x alt) alt {
			r := alt{b: bAuth}
			if x.b&bTLSCreds != 0 {
				r.credName, r.credVia = x.credName, viaDialOpt
			}
			return r
		})
	case opCallCreds:
		return mapAlts(arg(0), func(x alt) alt {
			r := alt{b: bAuth}
			if x.b&bTLSCreds != 0 {
				r.credName, r.credVia = x.credName, viaCallOpt
			}
			return r
		})
	case opDefaultCall:
		x := emptyVal
		for _, y := range args {
			x = concat(x, y)
		}
		return mapAlts(x, func(a alt) alt {
			if a.credVia == viaCallOpt {
				a.credVia = viaDefault
			}
			return a
		})
	case opBundle:
		return mapAlts(arg(0), func(x alt) alt {
			if x.b&bInsecure != 0 {
				return x
			}
			return alt{b: bAuth | bSecure}
		})
	case opInterceptor:
		if len(call.Args) == 0 {
			return emptyVal
		}
		if len(call.Args) == 1 {
			if _, ok := fs.c.pass.TypesInfo.Uses[identOf(call.Args[0])].(*types.Nil); ok {
				return emptyVal
			}
		}
		return val{{b: bAuth}}
	case opTransport:
		return arg(0)
	case opWithInsecure, opInsecureTC, opInsecureBnd:
		return val{{b: bInsecure, insecWhat: a.name, insecCond: fs.cond}}
	case opDialer:
		if len(call.Args) == 1 && fs.localDialer(call.Args[0]) {
			return val{{b: bLocal}}
		}
		return emptyVal
	case opServerTLS:
		return val{{b: bSecure}}
	case opNewTLS:
		return mapAlts(arg(0), func(x alt) alt {
			if x.b&bUnknown != 0 || x.param != 0 {
				return alt{b: bSecure | bUnknown}
			}
			return alt{b: bSecure | x.b&bAuth}
		})
	case opAuthBundle:
		return val{{b: bSecure | bAuth, credName: a.name + " bundle's per-RPC"}}
	case opBundleCreds:
		if recv == nil {
			return unknownVal
		}
		return mapAlts(recv, func(x alt) alt {
			if x.b&bAuth != 0 && x.credName != "" {
				return alt{b: bTLSCreds, credName: x.credName}
			}
			return alt{b: bUnknown}
		})
	case opClientAuthTC:
		return val{{b: bSecure | bAuth}}
	case opLocalTC:
		return val{{b: bSecure | bLocal}}
	case opTLSCreds:
		return val{{b: bTLSCreds, credName: a.name}}
	case opOutgoingMD:
		return val{{b: bMeta}}
	case opCtxDerive:
		return arg(0)
	}
	return unknownVal
}

// arityOK reports whether the call's arguments fit the signature (code
// with type errors is not judged).
func arityOK(sig *types.Signature, call *ast.CallExpr) bool {
	n := sig.Params().Len()
	switch {
	case call.Ellipsis.IsValid():
		return len(call.Args) == n
	case sig.Variadic():
		return len(call.Args) >= n-1
	}
	return len(call.Args) == n
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// tlsConfLit is the value of a tls.Config literal: one with client
// certificates authenticates the client.
func tlsConfLit(lit *ast.CompositeLit) val {
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			return unknownVal
		}
		if id := identOf(kv.Key); id != nil && clientCertField(id.Name) {
			return val{{b: bTLSConf | bAuth}}
		}
	}
	return val{{b: bTLSConf}}
}

func clientCertField(name string) bool {
	return name == "Certificates" || name == "GetClientCertificate"
}

func isTLSConfig(t types.Type) bool { return lintutil.IsNamed(t, "crypto/tls", "Config", true) }

// localDialer reports whether a dialer is local by construction: it
// refers to a bufconn listener, or dials the "unix" network through
// package net, directly or through a function of this package.
func (fs *funcState) localDialer(e ast.Expr) bool {
	info := fs.c.pass.TypesInfo
	found := false
	seen := map[*ast.FuncDecl]bool{}
	var visit func(n ast.Node)
	visit = func(n ast.Node) {
		ast.Inspect(n, func(x ast.Node) bool {
			if found {
				return false
			}
			if call, ok := x.(*ast.CallExpr); ok {
				if fn := lintutil.Callee(info, call); fn != nil && lintutil.PkgPath(fn.Pkg()) == "net" {
					for _, a := range call.Args {
						if s, ok := lintutil.ConstString(info, a); ok && strings.HasPrefix(s, "unix") {
							found = true
							return false
						}
					}
				}
				return true
			}
			id, ok := x.(*ast.Ident)
			if !ok {
				return true
			}
			obj := info.Uses[id]
			if obj == nil {
				return true
			}
			if lintutil.PkgPath(obj.Pkg()) == bufconnPath || lintutil.IsNamed(obj.Type(), bufconnPath, "Listener", true) {
				found = true
				return false
			}
			if fn, ok := obj.(*types.Func); ok {
				if d := fs.c.decls[fn]; d != nil && !seen[d] {
					seen[d] = true
					visit(d.Body)
				}
			}
			return true
		})
	}
	visit(e)
	return found
}

// ---------------------------------------------------------------------
// Checks

// discarded reports a credentials or interceptor DialOption built and
// thrown away (rule 4).
func (fs *funcState) discarded(e ast.Expr) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || fs.skip {
		return
	}
	fn := lintutil.Callee(fs.c.pass.TypesInfo, call)
	if fn == nil {
		return
	}
	a, ok := apis[lintutil.FuncKey(fn)]
	if !ok || !a.discardable || !arityOK(fn.Type().(*types.Signature), call) {
		return
	}
	if a.op == opCallCreds {
		fs.c.r.Reportf(call, "the CallOption built by %s is discarded, so no RPC sends these credentials: pass it to the RPC, or attach the credentials to the connection with grpc.WithPerRPCCredentials", a.name)
		return
	}
	fs.c.r.Reportf(call, "the DialOption built by %s is discarded, so no connection uses it: pass it to grpc.NewClient or append it to the dial options", a.name)
}

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

// metaCtxUsedLater reports whether the local context given to the dial
// (arg), or one it derives from in the function, carries metadata and is
// used after the dial other than to dial: the metadata then goes with the
// RPCs made on it, and the dial merely shares the context.
func (fs *funcState) metaCtxUsedLater(dial *ast.CallExpr, arg ast.Expr) bool {
	id := identOf(arg)
	if id == nil || fs.body == nil {
		return false
	}
	info := fs.c.pass.TypesInfo
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	if fs.sh.ctxUses == nil {
		fs.sh.ctxUses = make(map[*types.Var][]ast.Node)
		fs.sh.ctxFrom = make(map[*types.Var][]*types.Var)
		fs.sh.dialCtx = make(map[ast.Node]bool)
		ast.Inspect(fs.body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Ident:
				if v, ok := info.Uses[n].(*types.Var); ok && lintutil.IsNamed(v.Type(), "context", "Context", false) {
					fs.sh.ctxUses[v] = append(fs.sh.ctxUses[v], n)
				}
			case *ast.CallExpr:
				if fn := lintutil.Callee(info, n); fn != nil && lintutil.FuncKey(fn) == grpcPath+".DialContext" && len(n.Args) > 0 {
					fs.sh.dialCtx[ast.Unparen(n.Args[0])] = true
				}
			case *ast.AssignStmt:
				if len(n.Rhs) != 1 || len(n.Lhs) == 0 {
					break
				}
				call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr)
				if !ok || len(call.Args) == 0 {
					break
				}
				fn := lintutil.Callee(info, call)
				if fn == nil {
					break
				}
				if a, ok := apis[lintutil.FuncKey(fn)]; !ok || (a.op != opCtxDerive && a.op != opOutgoingMD) {
					break
				}
				lhs, _ := info.ObjectOf(identOf(n.Lhs[0])).(*types.Var)
				parent, _ := info.Uses[identOf(call.Args[0])].(*types.Var)
				if lhs != nil && parent != nil && lhs != parent {
					fs.sh.ctxFrom[lhs] = append(fs.sh.ctxFrom[lhs], parent)
				}
			}
			return true
		})
	}
	seen := map[*types.Var]bool{}
	stack := []*types.Var{v}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[v] {
			continue
		}
		seen[v] = true
		stack = append(stack, fs.sh.ctxFrom[v]...)
		if !fs.env[v].has(bMeta) {
			continue
		}
		if fs.c.escaped[v] {
			return true
		}
		for _, u := range fs.sh.ctxUses[v] {
			if u.Pos() > dial.End() && !fs.sh.dialCtx[u] {
				return true
			}
		}
	}
	return false
}

// noteDialer records that the function wraps a dial entry point: its
// options parameter reaches the options of the call on every path.
func (fs *funcState) noteDialer(call *ast.CallExpr, entry string, opts val, target ast.Expr) {
	if fs.fn == nil || fs.sh.dialer != nil {
		return
	}
	p := 0
	for _, a := range opts {
		if a.param == 0 || a.b&bUnknown != 0 || (p != 0 && a.param != p) {
			return
		}
		p = a.param
	}
	base := mapAlts(opts, func(a alt) alt { a.param = 0; return a })
	s := summarize(base)
	s.Param = -1
	d := &dialerFact{Opts: p - 1, Target: -1, Entry: entry, Base: s}
	if id := identOf(target); id != nil {
		if v, ok := fs.c.pass.TypesInfo.Uses[id].(*types.Var); ok {
			for i := 0; i < fs.sig.Params().Len(); i++ {
				if fs.sig.Params().At(i) == v {
					d.Target = i
				}
			}
		}
	}
	fs.sh.dialer = d
}

// checkWrapper judges the call of a wrapper of a dial entry point.
func (fs *funcState) checkWrapper(call *ast.CallExpr, d *dialerFact, sig *types.Signature, args []val) {
	fn := lintutil.Callee(fs.c.pass.TypesInfo, call)
	name := funcName(fn)
	opts := concat(d.Base.val("the options of "+name), argVal(sig, call, args, d.Opts))
	var target ast.Expr
	if d.Target >= 0 && d.Target < len(call.Args) {
		target = call.Args[d.Target]
	}
	fs.checkDial(call, name, opts, target, nil, -1)
	fs.noteDialer(call, name, opts, target)
}

// funcName names a function in messages: pkg.Func, pkg.Type.Method.
func funcName(fn *types.Func) string {
	name := fn.Name()
	if recv := fn.Type().(*types.Signature).Recv(); recv != nil {
		t := types.Unalias(recv.Type())
		if p, ok := t.(*types.Pointer); ok {
			t = types.Unalias(p.Elem())
		}
		if n, ok := t.(*types.Named); ok {
			name = n.Obj().Name() + "." + name
		}
	}
	if fn.Pkg() != nil {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

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

// ---------------------------------------------------------------------
// Helpers

// isOptionType: grpc.DialOption or []grpc.DialOption.
func isOptionType(t types.Type) bool {
	if sl, ok := types.Unalias(t).(*types.Slice); ok {
		t = sl.Elem()
	}
	return lintutil.IsNamed(t, grpcPath, "DialOption", false)
}

// isTracked: the types whose values the walk follows.
func isTracked(t types.Type) bool {
	if sl, ok := types.Unalias(t).(*types.Slice); ok {
		t = sl.Elem()
	}
	return lintutil.IsNamed(t, grpcPath, "DialOption", false) ||
		lintutil.IsNamed(t, grpcPath, "CallOption", false) ||
		lintutil.IsNamed(t, grpcPath, "ClientConn", true) ||
		lintutil.IsNamed(t, credsPath, "PerRPCCredentials", false) ||
		lintutil.IsNamed(t, credsPath, "TransportCredentials", false) ||
		lintutil.IsNamed(t, credsPath, "Bundle", false) ||
		lintutil.IsNamed(t, "context", "Context", false) ||
		isTLSConfig(t)
}

func (fs *funcState) text(e ast.Expr) string {
	return types.ExprString(e)
}

func (fs *funcState) condText(e ast.Expr) string {
	s := fs.text(e)
	if len(s) > 60 {
		return fmt.Sprintf("on the branch at line %d", fs.c.pass.Fset.Position(e.Pos()).Line)
	}
	return s
}

// condAtom is the atom of a branch condition holding (then) or not.
func (fs *funcState) condAtom(e ast.Expr, then bool) string {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.NOT {
		return fs.condAtom(u.X, !then)
	}
	if b, ok := e.(*ast.BinaryExpr); ok && (b.Op == token.EQL || b.Op == token.NEQ) {
		if a := fs.eqAtom(b.X, b.Y, then == (b.Op == token.EQL)); a != "" {
			return a
		}
	}
	return fs.text(e) + "\x00=" + strconv.FormatBool(then)
}

// eqAtom is the atom "x == y" (eq) or "x != y" for a constant y.
func (fs *funcState) eqAtom(x, y ast.Expr, eq bool) string {
	info := fs.c.pass.TypesInfo
	if info.Types[x].Value != nil {
		x, y = y, x
	}
	tv := info.Types[y]
	if tv.Value == nil || info.Types[x].Value != nil {
		return ""
	}
	op := "="
	if !eq {
		op = "!"
	}
	return fs.text(x) + "\x00" + op + tv.Value.ExactString()
}

func negate(s string) string {
	switch {
	case s == "" || strings.HasPrefix(s, "on the branch"):
		return ""
	case strings.HasPrefix(s, "!") && !strings.ContainsAny(s[1:], " "):
		return s[1:]
	case !strings.ContainsAny(s, " ()"):
		return "!" + s
	}
	return "!(" + s + ")"
}

// whenPrefix introduces a message with the configuration it applies to.
func whenPrefix(cond string) string {
	switch {
	case cond == "":
		return ""
	case strings.HasPrefix(cond, "on the branch"):
		return cond + ", "
	}
	return "when " + cond + ", "
}
