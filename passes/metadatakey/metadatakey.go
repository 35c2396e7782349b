package metadatakey

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

//go:embed doc.go
var doc string

// Doc is the pass's documentation, rendered in help and README.
var Doc = lintutil.MustExtractDoc(doc, "metadatakey")

// Config configures the pass.
type Config struct {
	// Tests reports findings in _test.go files too. Off by default: tests
	// write invalid keys on purpose to exercise validation, and a wrong
	// key in a test fails that test anyway.
	Tests bool `json:"tests"`
}

// DefaultConfig returns the default configuration.
func DefaultConfig() Config { return Config{} }

// settings is a Config compiled once per analyzer instance.
type settings struct {
	tests bool
}

func (c Config) compile() (*settings, error) { return &settings{tests: c.Tests}, nil }

// New returns a metadatakey analyzer with configuration cfg.
func New(cfg Config) *analysis.Analyzer {
	c := cfg
	a := &analysis.Analyzer{
		Name:     "metadatakey",
		Doc:      Doc.Analyzer,
		URL:      lintutil.URL("metadatakey"),
		Requires: []*analysis.Analyzer{lintutil.Shared},
		// Judge what type-checked; go vet reports the errors themselves.
		RunDespiteErrors: true,
	}
	a.Flags.BoolVar(&c.Tests, "tests", c.Tests, "also report findings in _test.go files")
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

// Analyzer is the metadatakey analyzer with the default configuration.
var Analyzer = New(DefaultConfig())

// checker holds one run's state.
type checker struct {
	pass      *analysis.Pass
	r         *lintutil.Reporter
	sites     []*site
	varDest   map[*types.Var]dest
	varSink   map[*types.Var]string
	varIn     map[*types.Var]bool       // MD variables assigned from FromIncomingContext
	rangeKeys map[*types.Var]*types.Var // key variable of a range over an MD -> the MD variable (or nil)
	cmps      []*site                   // comparisons against a variable, kept if it is a range key
	cmpVars   []*types.Var
	// grpc-go version the package builds against, when it can see it:
	// client-side key validation arrived in 1.46, and before 1.59
	// grpc-status-details-bin was a reserved header too.
	major, minor int
	versionKnown bool
}

// before reports whether the grpc-go version is known and older than
// major.minor.
func (c *checker) before(major, minor int) bool {
	return c.versionKnown && (c.major < major || c.major == major && c.minor < minor)
}

func run(pass *analysis.Pass, s *settings) (any, error) {
	// Fast path: only a package that can see the metadata package (as an
	// import, or through the types of another package's API) can hold an
	// MD. GetRequestMetadata maps are plain maps: a credentials package
	// may import only grpc/credentials (which does not import metadata)
	// or nothing of gRPC, so their methods are looked for by name among
	// the top-level declarations.
	mdVisible := lintutil.Reaches(pass, grpcapi.Metadata)
	creds := credsMethods(pass)
	if !mdVisible && len(creds) == 0 {
		return nil, nil
	}
	c := &checker{
		pass:      pass,
		r:         lintutil.NewReporter(pass, lintutil.Policy{Tests: s.tests}),
		varDest:   make(map[*types.Var]dest),
		varSink:   make(map[*types.Var]string),
		varIn:     make(map[*types.Var]bool),
		rangeKeys: make(map[*types.Var]*types.Var),
	}
	c.major, c.minor, c.versionKnown = lintutil.GRPCVersion(pass)
	for _, fd := range creds {
		c.credsMethod(fd)
	}
	if mdVisible {
		c.walk()
	}
	c.report()
	c.r.Finish()
	return nil, nil
}

// walk records the sites of the metadata API and MD values.
func (c *checker) walk() {
	insp := lintutil.Inspector(c.pass)
	filter := []ast.Node{
		(*ast.CallExpr)(nil),
		(*ast.CompositeLit)(nil),
		(*ast.IndexExpr)(nil),
		(*ast.RangeStmt)(nil),
		(*ast.BinaryExpr)(nil),
		(*ast.SwitchStmt)(nil),
		(*ast.AssignStmt)(nil),
		(*ast.ValueSpec)(nil),
	}
	for cur := range insp.Root().Preorder(filter...) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			c.call(cur, n)
		case *ast.CompositeLit:
			c.compositeLit(cur, n)
		case *ast.IndexExpr:
			c.index(cur, n)
		case *ast.RangeStmt:
			if c.isMD(n.X) {
				if id, ok := n.Key.(*ast.Ident); ok {
					if v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var); ok {
						c.rangeKeys[v] = c.varOf(n.X)
					}
				}
			}
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				c.comparison(n.X, n.Y)
				c.comparison(n.Y, n.X)
			}
		case *ast.SwitchStmt:
			if n.Tag != nil {
				for _, cl := range n.Body.List {
					for _, e := range cl.(*ast.CaseClause).List {
						c.comparison(n.Tag, e)
					}
				}
			}
		case *ast.AssignStmt:
			c.assignFromIncoming(n.Lhs, n.Rhs)
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			c.assignFromIncoming(lhs, n.Values)
		}
	}
	for i, s := range c.cmps {
		if md, ok := c.rangeKeys[c.cmpVars[i]]; ok {
			s.md = md
			c.sites = append(c.sites, s)
		}
	}
}
