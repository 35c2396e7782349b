package lostmetadata

import (
	_ "embed"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

//go:embed doc.go
var doc string

// Doc is the pass's documentation, rendered in help and README.
var Doc = lintutil.MustExtractDoc(doc, "lostmetadata")

// Config configures the pass.
type Config struct {
	// Tests reports findings in _test.go files too.
	Tests bool `json:"tests"`
}

// DefaultConfig returns the default configuration.
func DefaultConfig() Config { return Config{} }

// New returns a lostmetadata analyzer with configuration cfg.
func New(cfg Config) *analysis.Analyzer {
	c := cfg // the flags below are a view onto this instance's copy
	a := &analysis.Analyzer{
		Name:      "lostmetadata",
		Doc:       Doc.Analyzer,
		URL:       lintutil.URL("lostmetadata"),
		Requires:  []*analysis.Analyzer{lintutil.Shared},
		FactTypes: []analysis.Fact{new(addsFact)},
		Run:       func(pass *analysis.Pass) (any, error) { return run(pass, &c) },
		// Judge what type-checked; go vet reports the errors themselves.
		RunDespiteErrors: true,
	}
	a.Flags.BoolVar(&c.Tests, "tests", c.Tests, "also report findings in _test.go files")
	return a
}

// Analyzer is the lostmetadata analyzer with the default configuration.
var Analyzer = New(DefaultConfig())

// checker holds one run's state.
type checker struct {
	pass *analysis.Pass
	info *types.Info
	r    *lintutil.Reporter
	// local holds the facts of this package's functions, found by
	// iterating the walk over the functions that return a context until
	// nothing changes.
	local map[*types.Func]*addsFact
	md    *mdGraph
	// reported holds the dedupe keys (rule@position) of the findings.
	reported map[string]bool
}

// run finds the package's functions that add outgoing metadata to the
// context they return (exported as facts), then walks every function
// that calls NewOutgoingContext, following the contexts it holds
// statement by statement, and records its NewOutgoingContext calls
// with what their context may carry; then each rule judges them.
func run(pass *analysis.Pass, cfg *Config) (any, error) {
	// Fast path: NewOutgoingContext, and every function that adds
	// outgoing metadata, live in (or call into) the metadata package.
	if !lintutil.Reaches(pass, grpcapi.Metadata) {
		return nil, nil
	}
	c := &checker{
		pass:     pass,
		info:     pass.TypesInfo,
		local:    make(map[*types.Func]*addsFact),
		reported: make(map[string]bool),
	}
	insp := lintutil.Inspector(pass)

	var ctxFuncs []*ast.FuncDecl // functions returning a context: fact candidates
	var withNew []ast.Node       // top-level declarations calling NewOutgoingContext
	seen := make(map[ast.Node]bool)
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.CallExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			if n.Body != nil && ctxResult(c.funcOf(n)) >= 0 {
				ctxFuncs = append(ctxFuncs, n)
			}
		case *ast.CallExpr:
			if c.calleeKey(n) != newOutgoing {
				continue
			}
			top := lintutil.TopDecl(cur).Node()
			if !seen[top] {
				seen[top] = true
				withNew = append(withNew, top)
			}
		}
	}
	c.r = lintutil.NewReporter(pass, lintutil.Policy{Tests: cfg.Tests})
	defer c.r.Finish()
	if len(ctxFuncs) == 0 && len(withNew) == 0 {
		return nil, nil
	}
	c.md = newMDGraph(c)
	c.findAdders(ctxFuncs)
	for fn, f := range c.local {
		if fn.Pkg() == pass.Pkg {
			pass.ExportObjectFact(fn, f)
		}
	}
	if lintutil.FactsOnly(pass) {
		return nil, nil // the rest only reports
	}
	d := c.newDomain()
	for _, top := range withNew {
		d.decl(top)
	}
	for _, s := range d.sites {
		for _, r := range rules {
			r.judge(c, s)
		}
	}
	return nil, nil
}

// rules are the pass's rules, in doc.go's order, with their judges.
var rules = []struct {
	name  string
	judge func(*checker, replaceSite)
}{
	{ruleDropsCallerMetadata, (*checker).dropsCallerMetadata},
	{ruleDropsAddedMetadata, (*checker).dropsAddedMetadata},
}

// funcOf returns the function a declaration declares, or nil.
func (c *checker) funcOf(decl *ast.FuncDecl) *types.Func {
	fn, _ := c.info.Defs[decl.Name].(*types.Func)
	return fn
}

// ctxResult returns the index of fn's context.Context result, or -1
// (also when it has several).
func ctxResult(fn *types.Func) int {
	if fn == nil {
		return -1
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil {
		return -1
	}
	idx := -1
	for i := 0; i < sig.Results().Len(); i++ {
		if grpcapi.IsContext(sig.Results().At(i).Type()) {
			if idx >= 0 {
				return -1
			}
			idx = i
		}
	}
	return idx
}
