package credpath

import (
	_ "embed"
	"go/ast"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

//go:embed doc.go
var doc string

// Doc is the pass's documentation, rendered in help and README.
var Doc = lintutil.MustExtractDoc(doc, "credpath")

// Config configures the pass. The json tags are the golangci-lint
// setting names and equal the flag names.
type Config struct {
	// Tests also checks _test.go files.
	Tests bool `json:"tests"`
	// AllowPrefix lists path prefixes under which constant credential
	// paths are fine (secrets volumes), on top of /var/run/secrets and
	// /run/secrets.
	AllowPrefix []string `json:"allow-prefix"`
	// Func adds credential-file parameters and fields:
	// "pkgpath.Func#N", "(*pkgpath.Type).Method#N" or
	// "pkgpath.Type.Field".
	Func []string `json:"func"`
}

// DefaultConfig returns the default configuration.
func DefaultConfig() Config { return Config{} }

// Validate checks the options the flags check as they are set, for
// configurations that come from golangci-lint settings instead.
func (c Config) Validate() error {
	_, err := parseFuncEntries(c.Func)
	return err
}

// settings is a Config compiled once per analyzer instance: the sink
// tables with the -credpath.func entries, and the allowed prefixes.
type settings struct {
	tests bool
	t     *tables
	allow []string
}

func (c Config) compile() (*settings, error) {
	user, err := parseFuncEntries(c.Func)
	if err != nil {
		return nil, err
	}
	return &settings{
		tests: c.Tests,
		t:     newTables(user),
		allow: append(append([]string(nil), defaultAllow...), c.AllowPrefix...),
	}, nil
}

// New returns a credpath analyzer with configuration cfg.
func New(cfg Config) *analysis.Analyzer {
	c := cfg // the flags below are a view onto this instance's copy
	c.AllowPrefix = append([]string(nil), cfg.AllowPrefix...)
	c.Func = append([]string(nil), cfg.Func...)
	a := &analysis.Analyzer{
		Name:     "credpath",
		Doc:      Doc.Analyzer,
		URL:      lintutil.URL("credpath"),
		Requires: []*analysis.Analyzer{lintutil.Shared},
		// Every lookup tolerates missing type information, so editors
		// get findings in files that do not compile yet.
		RunDespiteErrors: true,
	}
	a.Flags.BoolVar(&c.Tests, "tests", c.Tests, "also check _test.go files")
	a.Flags.Var(lintutil.StringList{P: &c.AllowPrefix}, "allow-prefix",
		"path prefix under which hardcoded credential paths are fine, e.g. a secrets mount (repeatable)")
	a.Flags.Var(lintutil.StringList{P: &c.Func, Check: checkFuncEntry}, "func",
		`extra credential-file parameter: "pkgpath.Func#N", "(*pkgpath.Type).Method#N" or "pkgpath.Type.Field" (repeatable)`)
	// Compiled at the first run: the drivers parse the flags before
	// running any package.
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

// Analyzer is the credpath analyzer with the default configuration.
var Analyzer = New(DefaultConfig())

// checker holds one run's state.
type checker struct {
	pass  *analysis.Pass
	r     *lintutil.Reporter
	t     *tables
	allow []string
	sites []ast.Node // calls, composite literals and assignments to check
	seen  map[finding]bool
}

func run(pass *analysis.Pass, s *settings) (any, error) {
	if !fastPath(pass, s.t) {
		return nil, nil
	}
	c := &checker{
		pass:  pass,
		r:     lintutil.NewReporter(pass, lintutil.Policy{Tests: s.tests}),
		t:     s.t,
		allow: s.allow,
		seen:  make(map[finding]bool),
	}
	insp := lintutil.Inspector(pass)
	// Find the sinks first; the write index is built only when one of
	// them asks about a variable.
	for fcur := range insp.Root().Children() {
		if f, ok := fcur.Node().(*ast.File); !ok || c.r.InTest(f.Package) {
			continue
		}
		for cur := range fcur.Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)) {
			if !c.isSite(cur.Node()) {
				continue
			}
			c.sites = append(c.sites, cur.Node())
		}
	}
	for _, n := range c.sites {
		switch n := n.(type) {
		case *ast.CallExpr:
			c.call(n)
		case *ast.CompositeLit:
			c.compositeLit(n)
		case *ast.AssignStmt:
			c.assignFields(n)
		}
	}
	c.r.Finish()
	return nil, nil
}

// fastPath reports whether pkg can hold a sink: a call of a
// package-level sink function needs an import of its package; a method
// or field sink needs its package somewhere in the import graph; os.Setenv
// needs os and a Google authentication library.
func fastPath(pass *analysis.Pass, t *tables) bool {
	pkg := pass.Pkg
	if t.direct[lintutil.PkgPath(pkg)] {
		return true
	}
	os := false
	for _, imp := range pkg.Imports() {
		p := lintutil.PkgPath(imp)
		if t.direct[p] {
			return true
		}
		os = os || p == "os"
	}
	if len(t.reach) > 0 && lintutil.Reaches(pass, t.reach...) {
		return true
	}
	return os && lintutil.Reaches(pass, adcPackages...)
}
