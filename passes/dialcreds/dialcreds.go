package dialcreds

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/flow"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
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
	// sign of using auth ("grpc.NewClient gets no credentials"). Off by
	// default: many gRPC services need no token (local sockets, sidecars,
	// probes, public backends) and the code cannot tell them apart; on
	// public code most such findings were not bugs.
	AllConnections bool `json:"all-connections"`
	// AuthKey lists the outgoing metadata keys that carry a token: a
	// call that sets one attaches credentials per call, and a client
	// interceptor that sets one adds a token. Setting it replaces the
	// default ["authorization"].
	AuthKey []string `json:"auth-key"`
}

// DefaultConfig returns the default configuration.
func DefaultConfig() Config { return Config{AuthKey: []string{"authorization"}} }

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
	for _, k := range c.AuthKey {
		if err := checkAuthKey(k); err != nil {
			return err
		}
	}
	return nil
}

// New returns a dialcreds analyzer with configuration cfg.
func New(cfg Config) *analysis.Analyzer {
	c := cfg
	c.AllowTarget = append([]string(nil), cfg.AllowTarget...)
	c.AuthKey = append([]string(nil), cfg.AuthKey...)
	a := &analysis.Analyzer{
		Name:     "dialcreds",
		Doc:      Doc.Analyzer,
		URL:      lintutil.URL("dialcreds"),
		Requires: []*analysis.Analyzer{lintutil.Shared},
		// Partial code is judged too: a half-typed file must not hide the
		// rest of the package, and the walk tolerates missing types.
		RunDespiteErrors: true,
		FactTypes:        []analysis.Fact{new(optsFact), new(dialerFact), new(requiresTLSFact), new(tlsCredsFact), new(fieldReadsFact), new(interceptorFact), new(connectTokenFact)},
	}
	a.Flags.BoolVar(&c.Tests, "tests", c.Tests, "also check _test.go files")
	a.Flags.BoolVar(&c.AllConnections, "all-connections", c.AllConnections, "also report connections in packages that show no sign of using auth (\"grpc.NewClient gets no credentials\")")
	a.Flags.Var(patternList{&c.AllowTarget}, "allow-target",
		"regular expression of constant dial targets that need no credentials (repeatable)")
	a.Flags.Var(&lintutil.DefaultList{P: &c.AuthKey, Check: checkAuthKey}, "auth-key",
		`outgoing metadata key that carries a token; the first use replaces the default "authorization" (repeatable)`)
	// The configuration is compiled once per analyzer instance, on its
	// first package, after the driver has set the flags.
	compiled := sync.OnceValues(func() (*settings, error) { return c.compile() })
	a.Run = func(pass *analysis.Pass) (any, error) {
		s, err := compiled()
		if err != nil {
			return nil, err
		}
		return run(pass, s)
	}
	return a
}

// settings is the compiled form of a Config.
type settings struct {
	Config
	allow    []*regexp.Regexp // AllowTarget, compiled
	authKeys map[string]bool  // AuthKey
}

// compile checks c and compiles its regular expressions.
func (c *Config) compile() (*settings, error) {
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("dialcreds: %v", err)
	}
	s := &settings{Config: *c, authKeys: make(map[string]bool)}
	for _, k := range c.AuthKey {
		s.authKeys[k] = true
	}
	for _, p := range c.AllowTarget {
		s.allow = append(s.allow, regexp.MustCompile(p))
	}
	return s, nil
}

func checkAuthKey(k string) error { return lintutil.CheckAuthKey("dialcreds", k) }

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

type checker struct {
	pass      *analysis.Pass
	cfg       *settings
	r         *lintutil.Reporter
	decls     map[*types.Func]*ast.FuncDecl
	done      map[*ast.FuncDecl]*funcResult
	pkgVars   map[*types.Var]*ast.ValueSpec
	varVals   map[*types.Var]val
	assigned  map[*types.Var]bool // package vars assigned outside their declaration
	escaped   map[*types.Var]bool // locals assigned in closures or whose address is taken
	perCall   *[2]token.Pos       // where the package attaches credentials per call (perCallAt)
	callers   map[ast.Node]bool   // functions that read a caller's identity (perCaller)
	fieldRead map[*types.Var]bool // struct fields the package reads (by origin)
	insp      *inspector.Inspector
	walker    *flow.Walker[*funcState]
	icptMemo  map[*types.Func]ikind // client interceptor functions judged (funcKind)
	retMemo   map[*types.Func]ikind // functions returning one (funcReturnsKind)
	sites     sites                 // what the walk recorded, for the rules
	reported  map[ruleAt]bool       // the findings reported, by rule and position
}

type funcResult struct {
	ret    val // value of the options result, nil when not summarised
	dialer *dialerFact
	// streams are the streaming calls made on connection or client
	// parameters, by parameter index.
	streams map[int][]streamUse
}

var errInProgress = &funcResult{ret: unknownVal}

func run(pass *analysis.Pass, cfg *settings) (any, error) {
	exportRequiresTLS(pass)
	// Fast path: a package that cannot see grpc or its credentials builds
	// no connection, no options and no credentials (its
	// RequireTransportSecurity facts are exported above from declarations
	// alone, and the field reads of its structs with credentials fields
	// from a walk only packages that declare one pay for).
	if !lintutil.Reaches(pass, grpcapi.GRPC, grpcapi.Credentials) {
		exportPlainFieldReads(pass)
		if lintutil.Reaches(pass, grpcapi.Connect) { // Connect clients need no grpc
			c := &checker{pass: pass, cfg: cfg, r: lintutil.NewReporter(pass, lintutil.Policy{Tests: cfg.Tests}), reported: make(map[ruleAt]bool)}
			c.checkConnectClients()
			c.r.Finish()
		}
		return nil, nil
	}
	c := &checker{
		pass:      pass,
		cfg:       cfg,
		r:         lintutil.NewReporter(pass, lintutil.Policy{Tests: cfg.Tests}),
		decls:     make(map[*types.Func]*ast.FuncDecl),
		done:      make(map[*ast.FuncDecl]*funcResult),
		pkgVars:   make(map[*types.Var]*ast.ValueSpec),
		varVals:   make(map[*types.Var]val),
		assigned:  make(map[*types.Var]bool),
		escaped:   make(map[*types.Var]bool),
		callers:   make(map[ast.Node]bool),
		fieldRead: make(map[*types.Var]bool),
		insp:      lintutil.Inspector(pass),
		walker:    &flow.Walker[*funcState]{Info: pass.TypesInfo, Domain: walkDomain{}},
		icptMemo:  make(map[*types.Func]ikind),
		retMemo:   make(map[*types.Func]ikind),
		reported:  make(map[ruleAt]bool),
	}
	c.index()
	c.exportFieldReads()
	c.exportInterceptors()
	// In a facts-only run, only what may export a fact is walked: the
	// functions whose summaries are facts and the option variables;
	// whatever they call is summarised on demand as in a full run.
	factsOnly := lintutil.FactsOnly(pass)
	for cur := range c.insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.GenDecl)(nil)) {
		switch d := cur.Node().(type) {
		case *ast.FuncDecl:
			if factsOnly && !c.exportsFacts(d) {
				continue
			}
			c.funcDecl(d)
		case *ast.GenDecl:
			if _, ok := cur.Parent().Node().(*ast.File); ok && d.Tok == token.VAR {
				for _, spec := range d.Specs {
					vs := spec.(*ast.ValueSpec)
					for _, name := range vs.Names {
						if v, ok := pass.TypesInfo.Defs[name].(*types.Var); ok && (!factsOnly || isOptionType(v.Type())) {
							c.pkgVar(v)
						}
					}
					if factsOnly {
						continue
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
	if !factsOnly {
		c.judge()
	}
	c.checkConnectClients() // connect-stream-no-token
	c.r.Finish()
	return nil, nil
}

// exportsFacts reports whether the walk of d may export a fact
// (funcDecl): its summarised result is options or per-RPC credentials,
// or it takes options and may pass them to a dial (a dialer).
func (c *checker) exportsFacts(d *ast.FuncDecl) bool {
	fn, ok := c.pass.TypesInfo.Defs[d.Name].(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Type().(*types.Signature)
	if i := resultIndex(sig); i >= 0 {
		if t := sig.Results().At(i).Type(); isOptionType(t) || lintutil.IsNamed(t, grpcapi.Credentials, "PerRPCCredentials", false) {
			return true
		}
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if isOptionType(sig.Params().At(i).Type()) {
			return true
		}
	}
	return false
}
