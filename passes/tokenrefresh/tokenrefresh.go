package tokenrefresh

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

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
	a.Run = func(pass *analysis.Pass) (any, error) { return run(pass, &c) }
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

const (
	oauth2Path   = "golang.org/x/oauth2"
	ccPath       = "golang.org/x/oauth2/clientcredentials"
	oauthPath    = "google.golang.org/grpc/credentials/oauth"
	authPath     = "cloud.google.com/go/auth"
	grpcPath     = "google.golang.org/grpc"
	metadataPath = "google.golang.org/grpc/metadata"
)

// fetchKind says what refreshing alternative the message names.
type fetchKind int

const (
	fetchSource      fetchKind = iota // a token source: wrap it, don't call it
	fetchConfig                       // an exchange on *oauth2.Config: Config.TokenSource refreshes the result
	fetchCloud                        // a cloud.google.com/go/auth token provider
	fetchUser                         // a user-configured fetcher or a wrapper
	fetchClientCreds                  // (*clientcredentials.Config).Token: its TokenSource(ctx) refreshes
)

// fetchAPIs are the calls that fetch a token (result 0). Token() of any
// type implementing oauth2.TokenSource or auth.TokenProvider is a fetch
// too (matched by shape); (*auth.Credentials).Token is the promoted
// TokenProvider method.
var fetchAPIs = map[string]fetchKind{
	"(*" + oauth2Path + ".Config).Exchange":                 fetchConfig,
	"(*" + oauth2Path + ".Config).PasswordCredentialsToken": fetchConfig,
	"(*" + ccPath + ".Config).Token":                        fetchClientCreds,
	"(" + oauth2Path + ".TokenSource).Token":                fetchSource,
	"(" + authPath + ".TokenProvider).Token":                fetchCloud,
}

// frozenSinks take a token and never refresh it.
var frozenSinks = map[string]string{
	oauthPath + ".NewOauthAccess":     "oauth.NewOauthAccess",
	oauth2Path + ".StaticTokenSource": "oauth2.StaticTokenSource",
}

// refreshCapable take a token and refresh it: not findings. (The flow
// stops at every call it does not know; the list documents the ones that
// matter and keeps them resolved against the real module.)
var refreshCapable = []string{
	"(*" + oauth2Path + ".Config).TokenSource",
	"(*" + oauth2Path + ".Config).Client",
	oauth2Path + ".ReuseTokenSource",
	oauth2Path + ".ReuseTokenSourceWithExpiry",
}

// validity checks mark a function as an expiry-aware cache.
var validity = []string{
	"(*" + oauth2Path + ".Token).Valid",
	"(*" + authPath + ".Token).IsValid",
}

// expiryChecks compare times: a function calling one on anything is
// taken to be an expiry-aware cache.
var expiryChecks = []string{"time.Until", "time.Since", "(time.Time).Before", "(time.Time).After", "(time.Time).Compare"}

// refreshLoops schedule work: a function calling one is taken to
// refresh what it fetches periodically.
var refreshLoops = []string{
	"time.Sleep", "time.Tick", "time.NewTicker", "time.NewTimer", "time.AfterFunc",
	"(*time.Ticker).Reset", "(*time.Timer).Reset",
}

// Struct fields, "pkgpath.Type.Field".
var (
	accessFields = []string{oauth2Path + ".Token.AccessToken", authPath + ".Token.Value"}
	expiryFields = []string{oauth2Path + ".Token.Expiry", oauth2Path + ".Token.ExpiresIn", authPath + ".Token.Expiry"}
)

// stringBuilders return a string built from their string arguments.
var stringBuilders = map[string]bool{
	"fmt.Sprint": true, "fmt.Sprintf": true, "fmt.Sprintln": true,
	"strings.Join": true, "strings.TrimSpace": true, "strings.Clone": true,
}

// holderBuilders return a value holding their string arguments.
var holderBuilders = map[string]bool{
	metadataPath + ".Pairs": true,
	metadataPath + ".New":   true,
	metadataPath + ".Join":  true,
	// A context carrying the metadata.
	metadataPath + ".AppendToOutgoingContext": true,
	metadataPath + ".NewOutgoingContext":      true,
}

// headerSetters store their string arguments in their receiver.
var headerSetters = map[string]bool{
	"(net/http.Header).Set":            true,
	"(net/http.Header).Add":            true,
	"(" + metadataPath + ".MD).Set":    true,
	"(" + metadataPath + ".MD).Append": true,
}

// APIKeys lists every API table key the pass matches (lintutil.FuncKey
// notation, or "pkgpath.Type.Field" for struct fields).
func APIKeys() []string {
	var keys []string
	for k := range fetchAPIs {
		keys = append(keys, k)
	}
	for k := range frozenSinks {
		keys = append(keys, k)
	}
	for k := range holderBuilders {
		keys = append(keys, k)
	}
	for k := range headerSetters {
		keys = append(keys, k)
	}
	for k := range stringBuilders {
		keys = append(keys, k)
	}
	keys = append(keys, refreshCapable...)
	keys = append(keys, validity...)
	keys = append(keys, expiryChecks...)
	keys = append(keys, refreshLoops...)
	keys = append(keys, accessFields...)
	keys = append(keys, expiryFields...)
	sort.Strings(keys)
	return keys
}

// fetcherFact marks a function that returns a token (or its access-token
// string) it fetched: its call sites are fetches, in this package and in
// the packages importing it.
type fetcherFact struct {
	Result int  // index of the result holding the token
	Access bool // the result is the access-token string, not the token
}

func (*fetcherFact) AFact() {}

func (f *fetcherFact) String() string {
	what := "token"
	if f.Access {
		what = "access token"
	}
	return fmt.Sprintf("returns a fetched %s (result %d)", what, f.Result)
}

// valKind is what a tracked value is.
type valKind int

const (
	kToken  valKind = iota // *oauth2.Token, *auth.Token or a user fetcher's value
	kString                // the access-token string, or a string built from it
	kHolder                // a value holding the string: literal, local struct, MD, slice
	kFrozen                // the result of a frozen sink, or a value built from it
)

// fetch is one call that fetches a token.
type fetch struct {
	call   *ast.CallExpr
	cur    inspector.Cursor
	kind   fetchKind
	result int
	val    valKind // kToken or kString
	flow   *flow
}

// callSite is a call of a statically known function.
type callSite struct {
	cur inspector.Cursor
	fn  *types.Func
}

type checker struct {
	pass      *analysis.Pass
	info      *types.Info
	user      map[string]bool
	uses      map[*types.Var][]inspector.Cursor // non-LHS uses of local variables
	writes    map[*types.Var]int                // assignments of each variable
	guarded   map[*ast.FuncDecl]bool            // functions that check validity or expiry
	gtypes    map[*types.TypeName]bool          // types with a guarded method
	gvars     map[*types.Var]bool               // package variables used in guarded functions
	calls     []callSite
	callers   map[*types.Func][]int         // indices in calls of calls to this package's functions
	wrappers  map[*types.Func]*fetcherFact  // this package's wrappers
	decls     map[*types.Func]*ast.FuncDecl // this package's functions
	summaries map[paramKey]*summary         // memo of summary
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
func run(pass *analysis.Pass, cfg *Config) (any, error) {
	user := make(map[string]bool)
	paths := []string{oauth2Path, oauthPath, authPath, ccPath}
	for _, f := range cfg.Fetcher {
		if err := checkFetcher(f); err != nil {
			return nil, err
		}
		user[f] = true
		p := strings.TrimPrefix(strings.TrimPrefix(f, "("), "*")
		if i := strings.Index(p, ")"); i >= 0 {
			p = p[:i]
		}
		paths = append(paths, p[:strings.LastIndex(p, ".")])
	}
	// Fast path: a package that cannot see a fetch API cannot fetch, and
	// so cannot wrap a fetch either: no facts to export. Reaches follows
	// imports transitively, so a package calling another package's
	// wrapper is analyzed.
	if !lintutil.Reaches(pass, paths...) {
		return nil, nil
	}
	insp := lintutil.Inspector(pass)
	c := &checker{
		pass:      pass,
		info:      pass.TypesInfo,
		user:      user,
		uses:      make(map[*types.Var][]inspector.Cursor),
		writes:    make(map[*types.Var]int),
		guarded:   make(map[*ast.FuncDecl]bool),
		gtypes:    make(map[*types.TypeName]bool),
		gvars:     make(map[*types.Var]bool),
		callers:   make(map[*types.Func][]int),
		summaries: make(map[paramKey]*summary),
		wrappers:  make(map[*types.Func]*fetcherFact),
	}
	root := insp.Root()
	r := lintutil.NewReporter(pass, lintutil.Policy{Tests: cfg.Tests})
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
			c.exportParam(p.fn, p.i, sum)
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
		decl, _ := outermost(ft.cur)
		if decl == nil {
			continue
		}
		obj, _ := c.info.Defs[decl.Name].(*types.Func)
		if obj == nil || c.wrappers[obj] != nil || c.directFetcher(obj) {
			continue
		}
		fact := &fetcherFact{Result: ft.flow.wrapResult, Access: ft.flow.wrapAccess}
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

// summary computes, on demand and once, what function fn of this
// package does with its parameter i when it is a string or a token, so a
// token passed to a setter, a constructor or a formatting helper is
// followed through it. Recursive calls see no summary.
func (c *checker) summary(fn *types.Func, i int) *summary {
	key := paramKey{fn, i}
	if sum, done := c.summaries[key]; done {
		return sum
	}
	c.summaries[key] = nil // in progress
	d := c.decls[fn]
	if d == nil || d.Body == nil || c.guarded[d] || c.isRefresher(d) {
		return nil
	}
	sig := fn.Type().(*types.Signature)
	if i >= sig.Params().Len() || sig.Variadic() && i == sig.Params().Len()-1 {
		return nil
	}
	v := sig.Params().At(i)
	var k valKind
	switch t := v.Type(); {
	case isString(t):
		k = kString
	case lintutil.IsNamed(t, oauth2Path, "Token", true) || lintutil.IsNamed(t, authPath, "Token", true):
		k = kToken
	default:
		return nil
	}
	f := c.newFlow(d, v.Pos(), true)
	f.local(v, k)
	sum := &summary{kind: k, kept: f.sink, recv: f.recvStore, result: f.wrapResult,
		holderResult: f.holderResult, frozenResult: f.frozenResult, frozenBy: f.frozenBy}
	if f.wrapAccess {
		sum.resKind = kString
	} else {
		sum.resKind = kToken
	}
	if sum.kept == nil && !sum.recv && sum.result < 0 && sum.holderResult < 0 && sum.frozenResult < 0 {
		return nil
	}
	c.summaries[key] = sum
	return sum
}

type paramKey struct {
	fn *types.Func
	i  int
}

// tokenParams lists the *oauth2.Token and *auth.Token parameters of the
// package's exported functions and methods.
func (c *checker) tokenParams(root inspector.Cursor) []paramKey {
	var keys []paramKey
	for cur := range root.Preorder((*ast.FuncDecl)(nil)) {
		d := cur.Node().(*ast.FuncDecl)
		fn, ok := c.info.Defs[d.Name].(*types.Func)
		if !ok || !fn.Exported() || d.Body == nil {
			continue
		}
		params := fn.Type().(*types.Signature).Params()
		for i := 0; i < params.Len(); i++ {
			if isTokenType(params.At(i).Type()) {
				keys = append(keys, paramKey{fn, i})
			}
		}
	}
	return keys
}

func isTokenType(t types.Type) bool {
	return lintutil.IsNamed(t, oauth2Path, "Token", true) || lintutil.IsNamed(t, authPath, "Token", true)
}

// tokenParamFact says what a function does with its token parameters:
// a token passed to it from another package is followed through it.
type tokenParamFact struct {
	Params []ParamSummary
}

// ParamSummary is the gob form of a token parameter's summary.
type ParamSummary struct {
	Index        int
	Kept         string // where the function keeps it, or ""
	Static       bool   // kept by a wrapper that never refreshes
	Recv         bool   // its access token stored in the receiver's fields
	Result       int    // returned as result Result, or -1
	ResultAccess bool   // returned as its access-token string
	HolderResult int    // its access token returned in a struct, or -1
	FrozenResult int    // returned in frozen credentials, or -1
	FrozenBy     string
}

func (*tokenParamFact) AFact() {}

func (f *tokenParamFact) String() string {
	var parts []string
	for _, p := range f.Params {
		var what []string
		if p.Kept != "" {
			what = append(what, "kept in "+p.Kept)
		}
		if p.Recv {
			what = append(what, "stored in the receiver")
		}
		if p.Result >= 0 {
			what = append(what, fmt.Sprintf("returned as result %d", p.Result))
		}
		if p.HolderResult >= 0 {
			what = append(what, fmt.Sprintf("held by result %d", p.HolderResult))
		}
		if p.FrozenResult >= 0 {
			what = append(what, fmt.Sprintf("frozen by %s in result %d", p.FrozenBy, p.FrozenResult))
		}
		parts = append(parts, fmt.Sprintf("token param %d: %s", p.Index, strings.Join(what, ", ")))
	}
	return strings.Join(parts, "; ")
}

// exportParam adds the summary of parameter i of fn to fn's fact.
func (c *checker) exportParam(fn *types.Func, i int, sum *summary) {
	p := ParamSummary{Index: i, Recv: sum.recv, Result: sum.result, ResultAccess: sum.resKind == kString,
		HolderResult: sum.holderResult, FrozenResult: sum.frozenResult, FrozenBy: sum.frozenBy}
	if sum.kept != nil {
		p.Kept, p.Static = sum.kept.what, sum.kept.static
	}
	fact := new(tokenParamFact)
	c.pass.ImportObjectFact(fn, fact)
	fact.Params = append(fact.Params, p)
	c.pass.ExportObjectFact(fn, fact)
}

// importedSummary returns the summary of token parameter i of fn, a
// function of another package, from its fact.
func (c *checker) importedSummary(fn *types.Func, i int) *summary {
	var fact tokenParamFact
	if !c.pass.ImportObjectFact(fn, &fact) {
		return nil
	}
	for _, p := range fact.Params {
		if p.Index != i {
			continue
		}
		sum := &summary{kind: kToken, recv: p.Recv, result: p.Result, resKind: kToken,
			holderResult: p.HolderResult, frozenResult: p.FrozenResult, frozenBy: p.FrozenBy}
		if p.ResultAccess {
			sum.resKind = kString
		}
		if p.Kept != "" {
			sum.kept = &sink{what: p.Kept, static: p.Static}
		}
		return sum
	}
	return nil
}

func (c *checker) scanCalls(root inspector.Cursor) {
	for cur := range root.Preorder((*ast.CallExpr)(nil)) {
		if fn := lintutil.Callee(c.info, cur.Node().(*ast.CallExpr)); fn != nil {
			if fn.Pkg() == c.pass.Pkg {
				c.callers[fn] = append(c.callers[fn], len(c.calls))
			}
			c.calls = append(c.calls, callSite{cur, fn})
		}
	}
}

// scan records local variable uses and the expiry-aware functions.
func (c *checker) scan(root inspector.Cursor) {
	for _, cs := range c.calls {
		switch cs.fn.Name() {
		case "Valid", "IsValid", "Until", "Since", "Before", "After", "Compare",
			"Sleep", "Tick", "NewTicker", "NewTimer", "AfterFunc", "Reset":
			key := lintutil.FuncKey(cs.fn)
			switch {
			case contains(validity, key) || contains(expiryChecks, key):
				c.markGuarded(cs.cur, true)
			case contains(refreshLoops, key):
				c.markGuarded(cs.cur, false)
			}
		}
	}
	pkgVarUses := make(map[*ast.FuncDecl][]*types.Var)
	for cur := range root.Preorder((*ast.Ident)(nil), (*ast.SelectorExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.SelectorExpr:
			if sel := c.info.Selections[n]; sel != nil && sel.Kind() == types.FieldVal && contains(expiryFields, fieldKey(sel)) {
				c.markGuarded(cur, true)
			}
		case *ast.Ident:
			if v, ok := c.info.Defs[n].(*types.Var); ok && !v.IsField() {
				c.writes[v]++
				break
			}
			v, ok := c.info.Uses[n].(*types.Var)
			if !ok || v.IsField() {
				break
			}
			if isPkgVar(v) {
				if d, _ := outermost(cur); d != nil {
					pkgVarUses[d] = append(pkgVarUses[d], v)
				}
				break
			}
			if k, _ := cur.ParentEdge(); k == edge.AssignStmt_Lhs || k == edge.IncDecStmt_X {
				c.writes[v]++
				break
			}
			c.uses[v] = append(c.uses[v], cur)
		}
	}
	// A function a cache or refresh loop calls is part of it.
	c.decls = make(map[*types.Func]*ast.FuncDecl)
	for cur := range root.Preorder((*ast.FuncDecl)(nil)) {
		d := cur.Node().(*ast.FuncDecl)
		if obj, ok := c.info.Defs[d.Name].(*types.Func); ok {
			c.decls[obj] = d
		}
	}
	decls := c.decls
	calls := make(map[*ast.FuncDecl][]*ast.FuncDecl) // caller -> callees in this package
	for fn, sites := range c.callers {
		callee := decls[fn]
		if callee == nil {
			continue
		}
		for _, i := range sites {
			if caller, _ := outermost(c.calls[i].cur); caller != nil {
				calls[caller] = append(calls[caller], callee)
			}
		}
	}
	var work []*ast.FuncDecl
	for d := range c.guarded {
		work = append(work, d)
	}
	for len(work) > 0 {
		d := work[len(work)-1]
		work = work[:len(work)-1]
		for _, callee := range calls[d] {
			if !c.guarded[callee] {
				c.guarded[callee] = true
				work = append(work, callee)
			}
		}
	}
	for d := range c.guarded {
		for _, v := range pkgVarUses[d] {
			c.gvars[v] = true
		}
	}
}

// markGuarded marks the function holding cur as a cache or refresh
// loop, and with typ its receiver type (a cache whose check and fill are
// separate methods).
func (c *checker) markGuarded(cur inspector.Cursor, typ bool) {
	d, _ := outermost(cur)
	if d == nil {
		return
	}
	c.guarded[d] = true
	if tn := recvTypeName(c.info, d); typ && tn != nil {
		c.gtypes[tn] = true
	}
}

// outermost returns the function declaration enclosing cur.
func outermost(cur inspector.Cursor) (*ast.FuncDecl, inspector.Cursor) {
	for e := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		return e.Node().(*ast.FuncDecl), e
	}
	return nil, inspector.Cursor{}
}

func recvTypeName(info *types.Info, d *ast.FuncDecl) *types.TypeName {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return nil
	}
	t := info.TypeOf(d.Recv.List[0].Type)
	if t == nil {
		return nil
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Origin().Obj()
	}
	return nil
}

func isPkgVar(v *types.Var) bool {
	return v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// fieldKey renders a field selection as "pkgpath.Type.Field".
func fieldKey(sel *types.Selection) string {
	t := sel.Recv()
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return ""
	}
	obj := n.Origin().Obj()
	// Only direct fields: a promoted field's key names its own struct.
	if len(sel.Index()) != 1 {
		return ""
	}
	return lintutil.PkgPath(obj.Pkg()) + "." + obj.Name() + "." + sel.Obj().Name()
}

// fetchAt reports whether the call at cur fetches a token.
func (c *checker) fetchAt(cs callSite) (fetch, bool) {
	fn, cur := cs.fn, cs.cur
	sig := fn.Type().(*types.Signature)
	if sig.Results().Len() == 0 {
		return fetch{}, false // the common case, cheaply
	}
	ft := fetch{call: cur.Node().(*ast.CallExpr), cur: cur}
	switch fn.Name() {
	case "Token", "Exchange", "PasswordCredentialsToken":
		if kind, ok := fetchAPIs[lintutil.FuncKey(fn)]; ok {
			ft.kind = kind
			return ft, true
		}
		if fn.Name() == "Token" && sig.Recv() != nil && isTokenSourceMethod(sig) {
			ft.kind = fetchSource
			return ft, true
		}
		if fn.Name() == "Token" && sig.Recv() != nil && isTokenProviderMethod(sig) {
			ft.kind = fetchCloud
			return ft, true
		}
	}
	if len(c.user) > 0 && c.user[lintutil.FuncKey(fn)] {
		ft.kind = fetchUser
		if isString(sig.Results().At(0).Type()) {
			ft.val = kString
		}
		return ft, true
	}
	fact := c.wrappers[fn]
	if fact == nil && fn.Pkg() != c.pass.Pkg {
		var f fetcherFact
		if c.pass.ImportObjectFact(fn, &f) {
			fact = &f
		}
	}
	if fact != nil {
		ft.kind, ft.result = fetchUser, fact.Result
		if fact.Access {
			ft.val = kString
		}
		return ft, true
	}
	return fetch{}, false
}

// directFetcher reports whether calls of fn are fetches without a fact.
func (c *checker) directFetcher(fn *types.Func) bool {
	key := lintutil.FuncKey(fn)
	sig := fn.Type().(*types.Signature)
	_, api := fetchAPIs[key]
	return api || c.user[key] ||
		fn.Name() == "Token" && sig.Recv() != nil && (isTokenSourceMethod(sig) || isTokenProviderMethod(sig))
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// isTokenSourceMethod: Token() (*oauth2.Token, error).
func isTokenSourceMethod(sig *types.Signature) bool {
	return sig.Params().Len() == 0 && sig.Results().Len() == 2 &&
		lintutil.IsNamed(sig.Results().At(0).Type(), oauth2Path, "Token", true) &&
		isError(sig.Results().At(1).Type())
}

// isTokenProviderMethod: Token(context.Context) (*auth.Token, error).
func isTokenProviderMethod(sig *types.Signature) bool {
	return sig.Params().Len() == 1 && lintutil.IsNamed(sig.Params().At(0).Type(), "context", "Context", false) &&
		sig.Results().Len() == 2 &&
		lintutil.IsNamed(sig.Results().At(0).Type(), authPath, "Token", true) &&
		isError(sig.Results().At(1).Type())
}

func isError(t types.Type) bool { return types.Identical(t, types.Universe.Lookup("error").Type()) }

// isRefresher reports whether fn (a *ast.FuncDecl or *ast.FuncLit) is
// where a fetch belongs: GetRequestMetadata of a PerRPCCredentials,
// Token of a TokenSource or TokenProvider, RoundTrip of a RoundTripper,
// or a client interceptor.
func (c *checker) isRefresher(fn ast.Node) bool {
	var sig *types.Signature
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		obj, _ := c.info.Defs[fn.Name].(*types.Func)
		if obj == nil {
			return false
		}
		sig = obj.Type().(*types.Signature)
		if sig.Recv() != nil {
			switch fn.Name.Name {
			case "GetRequestMetadata":
				if isGetRequestMetadata(sig) && hasMethod(sig.Recv().Type(), "RequireTransportSecurity") {
					return true
				}
			case "Token":
				if isTokenSourceMethod(sig) || isTokenProviderMethod(sig) {
					return true
				}
			case "RoundTrip":
				if sig.Params().Len() == 1 && sig.Results().Len() == 2 &&
					lintutil.IsNamed(sig.Params().At(0).Type(), "net/http", "Request", true) &&
					lintutil.IsNamed(sig.Results().At(0).Type(), "net/http", "Response", true) {
					return true
				}
			}
		}
	case *ast.FuncLit:
		sig, _ = c.info.TypeOf(fn).(*types.Signature)
	}
	if sig == nil {
		return false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if lintutil.IsNamed(t, grpcPath, "UnaryInvoker", false) || lintutil.IsNamed(t, grpcPath, "Streamer", false) {
			return true
		}
	}
	return false
}

// isGetRequestMetadata: GetRequestMetadata(context.Context, ...string) (map[string]string, error).
func isGetRequestMetadata(sig *types.Signature) bool {
	if sig.Params().Len() != 2 || !sig.Variadic() || sig.Results().Len() != 2 {
		return false
	}
	m, ok := sig.Results().At(0).Type().Underlying().(*types.Map)
	return ok && isString(m.Key()) && isString(m.Elem()) && isError(sig.Results().At(1).Type())
}

func hasMethod(t types.Type, name string) bool {
	if _, ok := types.Unalias(t).(*types.Pointer); !ok {
		t = types.NewPointer(t)
	}
	ms := types.NewMethodSet(t)
	for i := 0; i < ms.Len(); i++ {
		if ms.At(i).Obj().Name() == name {
			return true
		}
	}
	return false
}

// exempt reports whether the fetch at cur is where fetches belong: in a
// refresher, an expiry-aware cache, or a one-shot main.
func (c *checker) exempt(cur inspector.Cursor) bool {
	for e := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if c.isRefresher(e.Node()) {
			return true
		}
	}
	if staticOption(cur) {
		return true
	}
	d, _ := outermost(cur)
	if d == nil {
		return false
	}
	if c.guarded[d] {
		return true
	}
	if tn := recvTypeName(c.info, d); tn != nil && c.gtypes[tn] {
		return true
	}
	if d.Recv == nil && d.Name.Name == "main" && c.pass.Pkg.Name() == "main" && !longRunning(d) {
		return true
	}
	return false
}

// staticOption reports whether cur is in the then-branch of an if whose
// condition names a static-token option (`if isStaticToken {`): the
// code asked for a token that is not refreshed on purpose.
func staticOption(cur inspector.Cursor) bool {
	for e := range cur.Enclosing((*ast.IfStmt)(nil)) {
		ifs := e.Node().(*ast.IfStmt)
		if !(ifs.Body.Pos() <= cur.Node().Pos() && cur.Node().End() <= ifs.Body.End()) {
			continue
		}
		found := false
		ast.Inspect(ifs.Cond, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && strings.Contains(strings.ToLower(id.Name), "static") {
				found = true
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// longRunning reports whether main serves or loops forever, so what it
// fetches must outlive an hour.
func longRunning(d *ast.FuncDecl) bool {
	found := false
	ast.Inspect(d.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ForStmt:
			if n.Cond == nil {
				found = true
			}
		case *ast.SelectStmt:
			if len(n.Body.List) == 0 {
				found = true
			}
		case *ast.CallExpr:
			var name string
			switch f := ast.Unparen(n.Fun).(type) {
			case *ast.Ident:
				name = f.Name
			case *ast.SelectorExpr:
				name = f.Sel.Name
			}
			switch name {
			case "Serve", "ServeTLS", "ListenAndServe", "ListenAndServeTLS":
				found = true
			}
		}
		return !found
	})
	return found
}

// sink is where a fetched token is frozen.
type sink struct {
	pos    token.Pos
	what   string // "oauth.NewOauthAccess", "package variable bearer", ...
	static bool   // the token itself reached a wrapper that never refreshes
}

// flow follows the values of one fetch through its function.
type flow struct {
	c          *checker
	ft         fetch
	decl       *ast.FuncDecl // the function holding the fetch
	seen       map[flowKey]bool
	sink       *sink
	kept       bool // (sub-flows of frozen sinks) the frozen value outlives the call
	wrapResult int  // result of decl returning the fetched value, or -1
	wrapAccess bool
	start      token.Pos // where the followed value comes from

	// Parameter mode: following a parameter of decl to summarize it.
	param        bool
	recvStore    bool // stored in the receiver's fields
	holderResult int  // result holding it in a struct, or -1
	frozenResult int  // (sub-flows) result carrying frozen credentials, or -1
	frozenBy     string
}

// summary says what a function of this package does with one of its
// string or token parameters.
type summary struct {
	kind         valKind // kString or kToken
	kept         *sink   // kept inside the function (position: the keeping site)
	recv         bool    // stored in the receiver's fields
	result       int     // result it is returned as (resKind), or -1
	resKind      valKind
	holderResult int // result holding it in a struct, or -1
	frozenResult int // result carrying frozen credentials built from it, or -1
	frozenBy     string
}

func (s *summary) String() string { return fmt.Sprintf("%+v", *s) }

type flowKey struct {
	n ast.Node
	k valKind
}

func (c *checker) newFlow(decl *ast.FuncDecl, start token.Pos, param bool) *flow {
	return &flow{c: c, decl: decl, start: start, param: param, seen: make(map[flowKey]bool),
		wrapResult: -1, holderResult: -1, frozenResult: -1}
}

func (c *checker) follow(ft fetch) *flow {
	f := c.newFlow(nil, ft.call.Pos(), false)
	f.ft = ft
	f.decl, _ = outermost(ft.cur)
	f.value(ft.cur, ft.val, ft.result)
	return f
}

func (f *flow) record(s sink) {
	if f.sink == nil || s.pos < f.sink.pos {
		f.sink = &s
	}
}

// value follows the value of kind k produced by the expression at cur
// (result idx of a tuple-valued call).
func (f *flow) value(cur inspector.Cursor, k valKind, idx int) {
	if f.seen[flowKey{cur.Node(), k}] {
		return
	}
	f.seen[flowKey{cur.Node(), k}] = true
	info := f.c.info
	parent := cur.Parent()
	kind, _ := cur.ParentEdge()
	switch p := parent.Node().(type) {
	case *ast.ParenExpr:
		f.value(parent, k, idx)
	case *ast.StarExpr:
		if k == kToken || k == kHolder {
			f.value(parent, k, idx)
		}
	case *ast.UnaryExpr:
		if p.Op == token.AND {
			f.value(parent, k, idx)
		}
	case *ast.SelectorExpr:
		if kind != edge.SelectorExpr_X || k != kToken {
			return
		}
		if sel := info.Selections[p]; sel != nil && sel.Kind() == types.FieldVal && contains(accessFields, fieldKey(sel)) {
			f.value(parent, kString, 0)
		}
	case *ast.BinaryExpr:
		if k == kString && p.Op == token.ADD {
			f.value(parent, kString, 0)
		}
	case *ast.CallExpr:
		if kind == edge.CallExpr_Args {
			_, i := cur.ParentEdge()
			f.arg(parent, p, i, k)
		}
	case *ast.KeyValueExpr:
		if kind == edge.KeyValueExpr_Value {
			if lit := parent.Parent(); isNode[*ast.CompositeLit](lit) {
				f.elem(lit, k)
			}
		}
	case *ast.CompositeLit:
		if kind == edge.CompositeLit_Elts {
			f.elem(parent, k)
		}
	case *ast.AssignStmt:
		if kind != edge.AssignStmt_Rhs {
			return
		}
		var lhs ast.Expr
		switch {
		case len(p.Rhs) == 1 && len(p.Lhs) > 1:
			if isTuple(info, cur) && idx < len(p.Lhs) {
				lhs = p.Lhs[idx]
			}
		default:
			i := parentIndex(cur)
			if idx == 0 && i < len(p.Lhs) {
				lhs = p.Lhs[i]
			}
		}
		if lhs != nil && (p.Tok == token.ASSIGN || p.Tok == token.DEFINE || p.Tok == token.ADD_ASSIGN && k == kString) {
			f.store(parent, lhs, k)
		}
	case *ast.ValueSpec:
		if kind != edge.ValueSpec_Values {
			return
		}
		var name *ast.Ident
		if len(p.Values) == 1 && len(p.Names) > 1 {
			if isTuple(info, cur) && idx < len(p.Names) {
				name = p.Names[idx]
			}
		} else if i := parentIndex(cur); idx == 0 && i < len(p.Names) {
			name = p.Names[i]
		}
		if name != nil {
			f.store(parent, name, k)
		}
	case *ast.ReturnStmt:
		f.ret(parent, p, cur, k, idx)
	}
}

// isTuple reports whether the expression at cur has several values (a
// call); anything else assigned to several variables is a type error.
func isTuple(info *types.Info, cur inspector.Cursor) bool {
	_, ok := info.TypeOf(cur.Node().(ast.Expr)).(*types.Tuple)
	return ok
}

func isNode[T ast.Node](cur inspector.Cursor) bool {
	_, ok := cur.Node().(T)
	return ok
}

func parentIndex(cur inspector.Cursor) int {
	_, i := cur.ParentEdge()
	return i
}

// elem follows a value of kind k that is an element of the literal at lit.
func (f *flow) elem(lit inspector.Cursor, k valKind) {
	switch k {
	case kString, kHolder:
		t := f.c.info.TypeOf(lit.Node().(ast.Expr))
		if k == kString && t != nil && (lintutil.IsNamed(t, oauth2Path, "Token", true) || lintutil.IsNamed(t, authPath, "Token", true)) {
			f.value(lit, kToken, 0) // a token built from the string
			return
		}
		if name := refresherType(t); name != "" {
			f.record(sink{pos: lit.Node().Pos(), what: "a " + name + " value, which sends it on every call"})
			return
		}
		f.value(lit, kHolder, 0)
	case kFrozen:
		f.value(lit, kFrozen, 0)
	}
	// A literal holding the *oauth2.Token keeps its refresh token.
}

// arg follows a value of kind k passed to call.
func (f *flow) arg(cur inspector.Cursor, call *ast.CallExpr, argIndex int, k valKind) {
	info := f.c.info
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		f.value(cur, k, 0) // conversion
		return
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			if b.Name() == "append" && k != kToken {
				if k == kString {
					k = kHolder
				}
				f.value(cur, k, 0)
			}
			return
		}
	}
	fn := lintutil.Callee(info, call)
	key := ""
	if fn != nil {
		key = lintutil.FuncKey(fn)
		if sum := f.c.summaryOf(fn, call, argIndex); sum != nil && sum.kind == k {
			f.summarized(cur, call, fn, sum)
			return
		}
	}
	switch k {
	case kToken:
		if name, ok := frozenSinks[key]; ok {
			f.frozen(cur, 0, name, call.Pos())
		}
		// Refresh-capable uses (Config.TokenSource, Config.Client,
		// ReuseTokenSource...) and unknown calls: not frozen here.
	case kString, kHolder:
		switch {
		case headerSetters[key]:
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				x := ast.Unparen(sel.X)
				if _, ok := x.(*ast.Ident); ok {
					f.storeInto(cur, x, "the receiver's headers")
				} else {
					f.store(cur, x, kHolder)
				}
			}
		case stringBuilders[key]:
			f.value(cur, kString, 0)
		case holderBuilders[key]:
			f.value(cur, kHolder, 0)
		}
	case kFrozen:
		// Whatever a call builds from frozen credentials (a dial option,
		// a connection, a client) carries them; a call with no result
		// is an unknown consumer: silent.
		// Method calls (an RPC taking a call option) and results that
		// are values, not carriers, end the flow.
		if fn == nil || fn.Type().(*types.Signature).Recv() != nil {
			return
		}
		sig := fn.Type().(*types.Signature)
		if sig.Results().Len() == 0 {
			return
		}
		r0 := sig.Results().At(0).Type()
		if _, basic := r0.Underlying().(*types.Basic); basic || isError(r0) || isProto(r0) {
			return
		}
		f.value(cur, kFrozen, 0)
	}
}

// frozen follows the frozen credentials that the call at cur builds
// (result idx), named name, and records the token as frozen at pos when
// they are kept.
func (f *flow) frozen(cur inspector.Cursor, idx int, name string, pos token.Pos) {
	sub := f.c.newFlow(f.decl, f.start, f.param)
	sub.ft = f.ft
	sub.value(cur, kFrozen, idx)
	switch {
	case sub.kept:
		f.record(sink{pos: pos, what: name, static: true})
	case sub.frozenResult >= 0 && f.frozenResult < 0:
		f.frozenResult, f.frozenBy = sub.frozenResult, name
	}
}

// summaryOf returns the summary of the parameter of fn that the
// argument argIndex of call binds, if fn is a function of this package
// that keeps, stores or returns it.
func (c *checker) summaryOf(fn *types.Func, call *ast.CallExpr, argIndex int) *summary {
	if call.Ellipsis.IsValid() {
		return nil
	}
	if fn.Pkg() != c.pass.Pkg {
		return c.importedSummary(fn, argIndex)
	}
	return c.summary(fn, argIndex)
}

// summarized applies the summary of the callee fn to a value passed to
// it at the call at cur.
func (f *flow) summarized(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func, sum *summary) {
	if sum.kept != nil {
		by := " by " + fn.Name()
		if sum.kept.static {
			by = " in " + fn.Name()
		}
		f.record(sink{pos: call.Pos(), what: sum.kept.what + by, static: sum.kept.static})
	}
	if sum.recv {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			f.storeInto(cur, sel.X, "a field of the receiver of "+fn.Name())
		}
	}
	if sum.result >= 0 {
		f.value(cur, sum.resKind, sum.result)
	}
	if sum.holderResult >= 0 {
		f.value(cur, kHolder, sum.holderResult)
	}
	if sum.frozenResult >= 0 {
		f.frozen(cur, sum.frozenResult, sum.frozenBy+" in "+fn.Name(), call.Pos())
	}
}

// storeInto follows the access token stored into the value of x (the
// receiver of a setter).
func (f *flow) storeInto(at inspector.Cursor, x ast.Expr, what string) {
	root := rootVar(f.c.info, x)
	switch {
	case root == nil:
	case isPkgVar(root):
		f.frozenAt(x, kHolder, "package variable "+root.Name(), f.c.gvars[root])
	case escapingParam(at, root):
		if f.param {
			f.recvStore = true
			return
		}
		guarded := false
		if tn := recvTypeName(f.c.info, f.decl); tn != nil {
			guarded = f.c.gtypes[tn]
		}
		f.frozenAt(x, kHolder, what, guarded)
	default:
		f.local(root, kHolder)
	}
}

// store follows a value of kind k assigned to lhs.
func (f *flow) store(at inspector.Cursor, lhs ast.Expr, k valKind) {
	info := f.c.info
	lhs = ast.Unparen(lhs)
	switch l := lhs.(type) {
	case *ast.Ident:
		v, ok := info.ObjectOf(l).(*types.Var)
		if !ok || l.Name == "_" {
			return
		}
		if isPkgVar(v) {
			f.frozenAt(l, k, "package variable "+v.Name(), f.c.gvars[v])
			return
		}
		if i := f.resultIndex(v); i >= 0 {
			// A named result: returned by a bare return, or not.
			f.returned(f.decl, i, v.Type(), l.Pos(), k)
		}
		f.local(v, k)
	case *ast.SelectorExpr, *ast.IndexExpr, *ast.StarExpr:
		if k == kToken {
			return // a stored *oauth2.Token keeps its refresh token
		}
		if sel, ok := l.(*ast.SelectorExpr); ok && info.Selections[sel] == nil && !isQualified(info, sel) {
			return // not type-checked: unknown
		}
		root := rootVar(info, lhs)
		if root == nil {
			return // a field of a call's result: unknown
		}
		if !isPkgVar(root) && !escapingParam(at, root) {
			// A field of a local value: it outlives the call only if
			// the value does, unless the value is a credentials value.
			if name := refresherType(root.Type()); name != "" && k != kFrozen {
				f.record(sink{pos: lhs.Pos(), what: "a " + name + " value, which sends it on every call"})
				return
			}
			if k == kString {
				k = kHolder
			}
			f.local(root, k)
			return
		}
		if f.param && escapingParam(at, root) {
			if k == kFrozen {
				f.kept = true
			} else {
				f.recvStore = true
			}
			return
		}
		what, guarded := f.describe(lhs)
		if isPkgVar(root) {
			guarded = guarded || f.c.gvars[root]
		}
		f.frozenAt(lhs, k, what, guarded)
	}
}

// frozenAt records that a value of kind k is kept at n.
func (f *flow) frozenAt(n ast.Node, k valKind, what string, guarded bool) {
	switch k {
	case kFrozen:
		f.kept = true
	case kString, kHolder:
		if !guarded {
			f.record(sink{pos: n.Pos(), what: what})
		}
	}
}

// local follows the uses of local variable v holding a value of kind k.
func (f *flow) local(v *types.Var, k valKind) {
	for _, use := range f.c.uses[v] {
		if k == kToken || k == kString {
			// Captured by a client interceptor declared after the
			// fetch: the interceptor sends the same token on every RPC.
			for e := range use.Enclosing((*ast.FuncLit)(nil)) {
				lit := e.Node().(*ast.FuncLit)
				if v.Pos() < lit.Pos() && f.start < lit.Pos() && f.c.writes[v] == 1 && f.c.isRefresher(lit) {
					if k == kString || f.usesAccess(use) {
						f.record(sink{pos: use.Node().Pos(), what: "a client interceptor closure capturing it"})
					}
				}
				break
			}
		}
		f.value(use, k, 0)
	}
}

// usesAccess reports whether the token at use is read for its access
// token.
func (f *flow) usesAccess(use inspector.Cursor) bool {
	p := use.Parent()
	for isNode[*ast.ParenExpr](p) || isNode[*ast.StarExpr](p) {
		p = p.Parent()
	}
	sel, ok := p.Node().(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s := f.c.info.Selections[sel]
	return s != nil && s.Kind() == types.FieldVal && contains(accessFields, fieldKey(s))
}

// escapingParam reports whether v is the receiver of the method holding
// the store at cur, of a type through which the store reaches the
// caller's value (pointer, map, slice, interface). Stores through other
// parameters are taken to fill the current call's request: silent.
func escapingParam(cur inspector.Cursor, v *types.Var) bool {
	d, _ := outermost(cur)
	if d == nil || d.Recv == nil || len(d.Recv.List) == 0 || len(d.Recv.List[0].Names) == 0 {
		return false
	}
	if recv := d.Recv.List[0].Names[0]; recv.Pos() != v.Pos() {
		return false
	}
	switch types.Unalias(v.Type()).Underlying().(type) {
	case *types.Struct, *types.Basic, *types.Array:
		return false
	}
	return true
}

// refresherType returns the name of t (or *t) when it is a
// PerRPCCredentials, TokenSource or RoundTripper implementation: a
// token stored in one is sent on every call.
func refresherType(t types.Type) string {
	if t == nil {
		return ""
	}
	base := t
	if p, ok := types.Unalias(base).(*types.Pointer); ok {
		base = p.Elem()
	}
	n, ok := types.Unalias(base).(*types.Named)
	if !ok || types.IsInterface(n) {
		return ""
	}
	ptr := types.NewPointer(n)
	obj, _, _ := types.LookupFieldOrMethod(ptr, true, n.Obj().Pkg(), "GetRequestMetadata")
	if fn, ok := obj.(*types.Func); ok && isGetRequestMetadata(fn.Type().(*types.Signature)) && hasMethod(ptr, "RequireTransportSecurity") {
		return n.Obj().Name() + " PerRPCCredentials"
	}
	obj, _, _ = types.LookupFieldOrMethod(ptr, true, n.Obj().Pkg(), "Token")
	if fn, ok := obj.(*types.Func); ok {
		if sig := fn.Type().(*types.Signature); isTokenSourceMethod(sig) || isTokenProviderMethod(sig) {
			return n.Obj().Name() + " token source"
		}
	}
	obj, _, _ = types.LookupFieldOrMethod(ptr, true, n.Obj().Pkg(), "RoundTrip")
	if _, ok := obj.(*types.Func); ok {
		return n.Obj().Name() + " transport"
	}
	return ""
}

// isProto reports whether t (or *t) is a generated protocol buffer
// message: a response, not a keeper.
func isProto(t types.Type) bool {
	if _, ok := types.Unalias(t).(*types.Pointer); !ok {
		t = types.NewPointer(t)
	}
	return hasMethod(t, "ProtoReflect") || hasMethod(t, "ProtoMessage")
}

// rootVar returns the variable at the root of a field, index or
// dereference chain, or nil.
func rootVar(info *types.Info, e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			if info.Selections[x] == nil {
				if !isQualified(info, x) {
					return nil
				}
				v, _ := info.Uses[x.Sel].(*types.Var)
				return v
			}
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.Ident:
			v, _ := info.ObjectOf(x).(*types.Var)
			return v
		default:
			return nil
		}
	}
}

// isQualified reports whether sel is a qualified identifier pkg.Name.
func isQualified(info *types.Info, sel *ast.SelectorExpr) bool {
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return false
	}
	_, ok = info.Uses[id].(*types.PkgName)
	return ok
}

// describe names a field or element store for the message, and says
// whether its struct type is an expiry-aware cache.
func (f *flow) describe(lhs ast.Expr) (string, bool) {
	info := f.c.info
	switch l := lhs.(type) {
	case *ast.SelectorExpr:
		sel := info.Selections[l]
		if sel == nil {
			if v, ok := info.Uses[l.Sel].(*types.Var); ok {
				return "package variable " + v.Pkg().Name() + "." + v.Name(), f.c.gvars[v]
			}
			return "a variable", false
		}
		t := sel.Recv()
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			tn := n.Origin().Obj()
			return "field " + tn.Name() + "." + l.Sel.Name, f.c.gtypes[tn]
		}
		return "field " + l.Sel.Name, false
	case *ast.IndexExpr:
		inner, guarded := f.describe(ast.Unparen(l.X))
		return "an element of " + inner, guarded
	case *ast.Ident:
		return "variable " + l.Name, false
	}
	return "a value that outlives the call", false
}

// resultIndex returns the index of v among the named results of the
// function holding the flow, or -1.
func (f *flow) resultIndex(v *types.Var) int {
	if f.decl == nil {
		return -1
	}
	obj, _ := f.c.info.Defs[f.decl.Name].(*types.Func)
	if obj == nil {
		return -1
	}
	res := obj.Type().(*types.Signature).Results()
	for i := 0; i < res.Len(); i++ {
		if res.At(i) == v {
			return i
		}
	}
	return -1
}

// wrap records that the function holding the fetch returns its value.
func (f *flow) wrap(i int, k valKind) {
	if f.wrapResult < 0 {
		f.wrapResult, f.wrapAccess = i, k == kString
	}
}

// ret follows a value of kind k returned at rs.
func (f *flow) ret(cur inspector.Cursor, rs *ast.ReturnStmt, val inspector.Cursor, k valKind, idx int) {
	var encl ast.Node
	for e := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		encl = e.Node()
		break
	}
	d, ok := encl.(*ast.FuncDecl)
	if !ok {
		// Returned from a closure: followed only when the closure is
		// called in place (func() T { ... }()).
		lit, _ := encl.(*ast.FuncLit)
		if lit == nil {
			return
		}
		for e := range cur.Enclosing((*ast.FuncLit)(nil)) {
			if p := e.Parent(); isNode[*ast.CallExpr](p) && ast.Unparen(p.Node().(*ast.CallExpr).Fun) == lit {
				i := idx
				if len(rs.Results) > 1 {
					i = parentIndex(val)
				}
				f.value(p, k, i)
			}
			break
		}
		return
	}
	// Returns that do not match the signature (type errors): unknown.
	var want int
	if obj, ok := f.c.info.Defs[d.Name].(*types.Func); ok {
		want = obj.Type().(*types.Signature).Results().Len()
	}
	i := parentIndex(val)
	if len(rs.Results) == 1 {
		i = idx
		n := 1
		if tup, ok := f.c.info.TypeOf(val.Node().(ast.Expr)).(*types.Tuple); ok {
			n = tup.Len()
		}
		if n != want {
			return
		}
	} else if len(rs.Results) != want {
		return
	}
	t := f.c.info.TypeOf(val.Node().(ast.Expr))
	if tup, ok := t.(*types.Tuple); ok && i < tup.Len() {
		t = tup.At(i).Type()
	}
	f.returned(d, i, t, val.Node().Pos(), k)
}

// returned follows a value of kind k and type t returned as result i of
// d (at pos).
func (f *flow) returned(d *ast.FuncDecl, i int, t types.Type, pos token.Pos, k valKind) {
	switch k {
	case kToken, kString:
		if d == f.decl {
			f.wrap(i, k)
		}
	case kHolder:
		// A struct literal (or a local struct) returned keeps the
		// access token; maps and slices returned are taken to be the
		// headers of the current call.
		if t == nil {
			return
		}
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		if _, ok := t.Underlying().(*types.Struct); ok && !isProto(t) {
			what := "a value returned by " + d.Name.Name
			guarded := false
			if n, ok := types.Unalias(t).(*types.Named); ok {
				what = "the " + n.Origin().Obj().Name() + " returned by " + d.Name.Name
				guarded = f.c.gtypes[n.Origin().Obj()]
			}
			switch {
			case guarded:
			case f.param && d == f.decl:
				if f.holderResult < 0 {
					f.holderResult = i
				}
			default:
				f.record(sink{pos: pos, what: what})
			}
		}
	case kFrozen:
		if f.param && d == f.decl {
			if f.frozenResult < 0 {
				f.frozenResult = i
			}
			return
		}
		f.kept = true
	}
}

func (c *checker) report(r *lintutil.Reporter, ft fetch, s *sink) {
	fset := c.pass.Fset
	line := fset.Position(s.pos).Line
	where := s.what
	if line != fset.Position(ft.call.Pos()).Line {
		where = fmt.Sprintf("%s (line %d)", s.what, line)
	}
	var msg string
	if s.static {
		alt := "oauth.TokenSource{TokenSource: oauth2.ReuseTokenSource(nil, ts)} over the token source"
		switch ft.kind {
		case fetchConfig:
			alt = "oauth.TokenSource{TokenSource: cfg.TokenSource(ctx, tok)}, which refreshes it"
		case fetchClientCreds:
			alt = "oauth.TokenSource{TokenSource: cfg.TokenSource(ctx)}, which fetches a new token when one expires"
		}
		msg = fmt.Sprintf("token fetched here is frozen by %s: it expires (typically within an hour) and is never refreshed, so calls fail with Unauthenticated until restart; use %s", where, alt)
	} else {
		alt := "fetch it per call from the token source, e.g. with oauth.TokenSource{TokenSource: oauth2.ReuseTokenSource(nil, ts)} or a PerRPCCredentials whose GetRequestMetadata fetches"
		switch ft.kind {
		case fetchConfig:
			alt = "keep cfg.TokenSource(ctx, tok), which refreshes it, and fetch per call, e.g. with oauth.TokenSource{TokenSource: cfg.TokenSource(ctx, tok)} or a PerRPCCredentials whose GetRequestMetadata fetches"
		case fetchClientCreds:
			alt = "keep cfg.TokenSource(ctx), which fetches a new token when one expires, and fetch per call, e.g. with oauth.TokenSource{TokenSource: cfg.TokenSource(ctx)} or a PerRPCCredentials whose GetRequestMetadata fetches"
		case fetchCloud:
			alt = "keep the token provider (auth.NewCachedTokenProvider refreshes) and fetch per call, e.g. in a PerRPCCredentials whose GetRequestMetadata calls Token"
		}
		msg = fmt.Sprintf("access token fetched here is kept in %s: it expires (typically within an hour) and is never refreshed, so calls fail with Unauthenticated until restart; %s", where, alt)
	}
	r.Report(analysis.Diagnostic{
		Pos:     ft.call.Pos(),
		End:     ft.call.End(),
		Message: msg,
	})
}
