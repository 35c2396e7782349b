package tokenrefresh

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/types"
	"regexp"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

//go:embed doc.go
var doc string

// Doc is the pass's documentation, rendered in help and README.
var Doc = lintutil.MustExtractDoc(doc, "tokenrefresh")

// Config configures the pass.
type Config struct {
	// Fetcher lists the user's functions and methods that fetch a token,
	// in types.Func.FullName notation: "example.com/auth.FetchToken",
	// "(*example.com/auth.Client).AccessToken". A fetcher returning a
	// string returns the access token itself.
	Fetcher []string `json:"fetcher"`
	// Tests also reports fetches in _test.go files, off by default: a
	// test finishes long before its token expires.
	Tests bool `json:"tests"`
}

// DefaultConfig returns the default configuration: no user fetchers.
func DefaultConfig() Config { return Config{} }

// New returns a tokenrefresh analyzer with configuration cfg.
func New(cfg Config) *analysis.Analyzer {
	c := cfg // the flags below are a view onto this instance's copy
	c.Fetcher = append([]string(nil), cfg.Fetcher...)
	a := &analysis.Analyzer{
		Name:      "tokenrefresh",
		Doc:       Doc.Analyzer,
		URL:       lintutil.URL("tokenrefresh"),
		Requires:  []*analysis.Analyzer{lintutil.Shared},
		FactTypes: []analysis.Fact{new(fetcherFact), new(tokenParamFact)},
		// Broken packages are analyzed too (golangci-lint and editors
		// run on code being written); unknown types keep the pass silent.
		RunDespiteErrors: true,
	}
	a.Flags.Var(lintutil.StringList{P: &c.Fetcher, Check: checkFetcher}, "fetcher",
		`function or method that fetches a token, in FullName notation: "example.com/auth.Fetch", "(*example.com/auth.Client).Token" (repeatable)`)
	a.Flags.BoolVar(&c.Tests, "tests", c.Tests, "also report fetches in _test.go files")
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

// Analyzer is the tokenrefresh analyzer with the default configuration.
var Analyzer = New(DefaultConfig())

// Validate checks the options the flags check as they are set, for
// configurations that come from golangci-lint settings instead.
func (c Config) Validate() error {
	for _, f := range c.Fetcher {
		if err := checkFetcher(f); err != nil {
			return err
		}
	}
	return nil
}

// fetcherRx returns the patterns of -fetcher entries (a function, a
// method), compiled on first use: every vet tool run builds the
// analyzers, few set -fetcher.
var fetcherRx = sync.OnceValues(func() (fn, method *regexp.Regexp) {
	return regexp.MustCompile(`^([^\s()*]+)\.([\pL_][\pL\pN_]*)$`),
		regexp.MustCompile(`^\(\*?([^\s()*]+)\.([\pL_][\pL\pN_]*)\)\.([\pL_][\pL\pN_]*)$`)
})

// checkFetcher reports whether entry is in types.Func.FullName notation.
func checkFetcher(entry string) error {
	fetcherFunc, fetcherMethod := fetcherRx()
	m := fetcherMethod.FindStringSubmatch(entry)
	if m == nil {
		m = fetcherFunc.FindStringSubmatch(entry)
	}
	if m == nil || strings.HasSuffix(m[1], "/") || strings.HasPrefix(m[1], "/") {
		return fmt.Errorf(`invalid tokenrefresh fetcher %q: want a function or method in FullName notation, such as "example.com/auth.FetchToken" or "(*example.com/auth.Client).Token"`, entry)
	}
	return nil
}

// settings is a Config compiled once per analyzer instance.
type settings struct {
	tests bool
	user  map[string]bool // -fetcher entries
	paths []string        // the fast path: packages whose APIs fetch
}

// compile checks the fetchers and derives the packages a fetch comes
// from.
func (c *Config) compile() (*settings, error) {
	s := &settings{
		tests: c.Tests,
		user:  make(map[string]bool),
		paths: []string{grpcapi.OAuth2, grpcapi.OAuth, grpcapi.GoogleAuth, grpcapi.ClientCredentials},
	}
	for _, f := range c.Fetcher {
		if err := checkFetcher(f); err != nil {
			return nil, err
		}
		s.user[f] = true
		p := strings.TrimPrefix(strings.TrimPrefix(f, "("), "*")
		if i := strings.Index(p, ")"); i >= 0 {
			p = p[:i]
		}
		s.paths = append(s.paths, p[:strings.LastIndex(p, ".")])
	}
	return s, nil
}

type checker struct {
	pass      *analysis.Pass
	info      *types.Info
	user      map[string]bool
	uses      map[*types.Var][]inspector.Cursor // non-LHS uses of local variables
	guarded   map[*ast.FuncDecl]bool            // functions that check validity or expiry
	gtypes    map[*types.TypeName]bool          // types with a guarded method
	gvars     map[*types.Var]bool               // package variables used in guarded functions
	calls     []callSite
	callers   map[*types.Func][]int         // indices in calls of calls to this package's functions
	wrappers  map[*types.Func]*fetcherFact  // this package's wrappers
	decls     map[*types.Func]*ast.FuncDecl // this package's functions
	summaries map[paramKey]*ParamSummary    // memo of summary
}

// run finds the fetches of the package and follows each fetched value
// through its function: a token (kToken) to its access-token string
// (kString), strings into the values that hold them (kHolder), and the
// credentials built by a frozen sink (kFrozen). A value that reaches a
// place outliving the call is a sink, reported at the fetch unless the
// fetch is exempt (refresher, cache, refresh loop, static option,
// one-shot main, test file). A function returning what it fetched gets a
// fetcherFact, so its calls are fetches in every package. Unknown calls
// end a flow: the pass stays silent where it cannot see.
func run(pass *analysis.Pass, s *settings) (any, error) {
	// Fast path: a package that cannot see a fetch API cannot fetch, and
	// so cannot wrap a fetch either: no facts to export. Reaches follows
	// imports transitively, so a package calling another package's
	// wrapper is analyzed.
	if !lintutil.Reaches(pass, s.paths...) {
		return nil, nil
	}
	insp := lintutil.Inspector(pass)
	c := &checker{
		pass:      pass,
		info:      pass.TypesInfo,
		user:      s.user,
		uses:      make(map[*types.Var][]inspector.Cursor),
		guarded:   make(map[*ast.FuncDecl]bool),
		gtypes:    make(map[*types.TypeName]bool),
		gvars:     make(map[*types.Var]bool),
		callers:   make(map[*types.Func][]int),
		summaries: make(map[paramKey]*ParamSummary),
		wrappers:  make(map[*types.Func]*fetcherFact),
	}
	root := insp.Root()
	r := lintutil.NewReporter(pass, lintutil.Policy{Tests: s.tests})
	defer r.Finish()
	c.scanCalls(root)
	// No fetch here: nothing to report, and no wrapper to mark (a
	// wrapper calls a fetch, which would be a candidate).
	found := false
	for _, cs := range c.calls {
		if _, ok := c.fetchAt(cs); ok {
			found = true
			break
		}
	}
	tokenParams := c.tokenParams(root)
	if !found && len(tokenParams) == 0 {
		return nil, nil
	}
	c.scan(root)

	// Exported functions taking a token: say what they do with it, for
	// the packages that call them.
	for _, p := range tokenParams {
		if sum := c.summary(p.fn, p.i); sum != nil {
			c.exportParam(p.fn, sum)
		}
	}
	if !found {
		return nil, nil
	}

	// Follow every fetch once. A function returning what it fetched is a
	// wrapper: export its fact, and its callers in this package become
	// fetches in turn (a worklist, so wrappers of wrappers work).
	isFetch := make(map[int]bool) // indices in c.calls
	var fetches []fetch
	var queue []int
	for i, cs := range c.calls {
		if ft, ok := c.fetchAt(cs); ok {
			fetches = append(fetches, ft)
			queue = append(queue, len(fetches)-1)
			isFetch[i] = true
		}
	}
	for len(queue) > 0 {
		ft := &fetches[queue[0]]
		queue = queue[1:]
		ft.flow = c.follow(*ft)
		if ft.flow.wrapResult < 0 {
			continue
		}
		decl := lintutil.EnclosingFuncDecl(ft.cur)
		if decl == nil {
			continue
		}
		obj, _ := c.info.Defs[decl.Name].(*types.Func)
		if obj == nil || c.wrappers[obj] != nil || c.directFetcher(obj) {
			continue
		}
		fact := &fetcherFact{Result: ft.flow.wrapResult, Access: ft.flow.wrapKind == kString, Holder: ft.flow.wrapKind == kHolder}
		c.wrappers[obj] = fact
		pass.ExportObjectFact(obj, fact)
		for _, i := range c.callers[obj] {
			if isFetch[i] {
				continue
			}
			if ft, ok := c.fetchAt(c.calls[i]); ok {
				fetches = append(fetches, ft)
				queue = append(queue, len(fetches)-1)
				isFetch[i] = true
			}
		}
	}
	sort.Slice(fetches, func(i, j int) bool { return fetches[i].call.Pos() < fetches[j].call.Pos() })

	for _, ft := range fetches {
		if ft.flow.sink == nil || c.exempt(ft.cur) {
			continue
		}
		c.report(r, ft, ft.flow.sink)
	}
	return nil, nil
}
