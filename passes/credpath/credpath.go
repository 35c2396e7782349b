package credpath

import (
	_ "embed"
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

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
	// The tables are built once, at the first run: the drivers parse the
	// flags before running any package.
	var (
		once   sync.Once
		tbl    *tables
		tblErr error
	)
	a.Run = func(pass *analysis.Pass) (any, error) {
		once.Do(func() {
			var user []sink
			user, tblErr = parseFuncEntries(c.Func)
			tbl = newTables(user)
		})
		if tblErr != nil {
			return nil, tblErr
		}
		return run(pass, &c, tbl)
	}
	return a
}

// checkFuncEntry checks one -credpath.func entry as the flag is parsed.
// Entries from settings are checked when the analyzer first runs.
func checkFuncEntry(e string) error {
	_, err := parseFuncEntries([]string{e})
	return err
}

// Analyzer is the credpath analyzer with the default configuration.
var Analyzer = New(DefaultConfig())

// param is what a credential parameter or field holds, for messages and
// exemptions.
type param struct {
	what string // "service-account key file"
	adc  bool   // Google credentials: Application Default Credentials is a remedy
	ca   bool   // a trust bundle: system CA bundle paths are fine
}

var (
	googleCreds = param{what: "Google credentials file", adc: true}
	saKey       = param{what: "service-account key file", adc: true}
	tlsCert     = param{what: "TLS certificate file"}
	tlsKey      = param{what: "TLS private key file"}
	caFile      = param{what: "CA certificate file", ca: true}
	userParam   = param{what: "credential file"}
)

// sink is one argument of a function or method (arg >= 0), or one struct
// field (arg < 0), keyed in lintutil.FuncKey notation or as
// "pkgpath.Type.Field".
type sink struct {
	key string
	arg int
	param
}

const (
	optionPath  = "google.golang.org/api/option"
	grpcCreds   = "google.golang.org/grpc/credentials"
	grpcOAuth   = "google.golang.org/grpc/credentials/oauth"
	grpcJWT     = "google.golang.org/grpc/credentials/jwt"
	grpcSTS     = "google.golang.org/grpc/credentials/sts"
	grpcPEMFile = "google.golang.org/grpc/credentials/tls/certprovider/pemfile"
	tlsPath     = "crypto/tls"
	authCreds   = "cloud.google.com/go/auth/credentials"
	authIDToken = "cloud.google.com/go/auth/credentials/idtoken"
	oauthGoogle = "golang.org/x/oauth2/google"
	oauthJWT    = "golang.org/x/oauth2/jwt"

	setenvKey = "os.Setenv"
	adcEnv    = "GOOGLE_APPLICATION_CREDENTIALS"
)

// pathSinks take a path to a credential file.
var pathSinks = []sink{
	{optionPath + ".WithCredentialsFile", 0, googleCreds},
	{optionPath + ".WithAuthCredentialsFile", 1, googleCreds},
	{optionPath + ".WithServiceAccountFile", 0, saKey},

	{grpcCreds + ".NewClientTLSFromFile", 0, caFile},
	{grpcCreds + ".NewServerTLSFromFile", 0, tlsCert},
	{grpcCreds + ".NewServerTLSFromFile", 1, tlsKey},
	{grpcOAuth + ".NewServiceAccountFromFile", 0, saKey},
	{grpcOAuth + ".NewJWTAccessFromFile", 0, saKey},
	{grpcJWT + ".NewTokenFileCallCredentials", 0, param{what: "JWT token file"}},
	{grpcSTS + ".Options.SubjectTokenPath", -1, param{what: "STS subject token file"}},
	{grpcSTS + ".Options.ActorTokenPath", -1, param{what: "STS actor token file"}},
	{grpcPEMFile + ".Options.CertFile", -1, tlsCert},
	{grpcPEMFile + ".Options.KeyFile", -1, tlsKey},
	{grpcPEMFile + ".Options.RootFile", -1, caFile},
	{grpcPEMFile + ".Options.SPIFFEBundleMapFile", -1, param{what: "SPIFFE bundle map file"}},

	{tlsPath + ".LoadX509KeyPair", 0, tlsCert},
	{tlsPath + ".LoadX509KeyPair", 1, tlsKey},

	{authCreds + ".NewCredentialsFromFile", 1, googleCreds},
	{authCreds + ".DetectOptions.CredentialsFile", -1, googleCreds},
	{authIDToken + ".NewCredentialsFromFile", 1, googleCreds},
	{authIDToken + ".Options.CredentialsFile", -1, googleCreds},

	// Only with the constant key GOOGLE_APPLICATION_CREDENTIALS.
	{setenvKey, 1, googleCreds},
}

// parseSinks take the contents of a credential file.
var parseSinks = []sink{
	{oauthGoogle + ".CredentialsFromJSON", 1, googleCreds},
	{oauthGoogle + ".CredentialsFromJSONWithParams", 1, googleCreds},
	{oauthGoogle + ".CredentialsFromJSONWithType", 1, googleCreds},
	{oauthGoogle + ".CredentialsFromJSONWithTypeAndParams", 1, googleCreds},
	{oauthGoogle + ".JWTConfigFromJSON", 0, saKey},
	{oauthGoogle + ".ConfigFromJSON", 0, param{what: "OAuth client secret file"}},
	{oauthGoogle + ".JWTAccessTokenSourceFromJSON", 0, saKey},
	{oauthGoogle + ".JWTAccessTokenSourceWithScope", 0, saKey},
	{oauthJWT + ".Config.PrivateKey", -1, param{what: "JWT signing key file"}},

	{grpcOAuth + ".NewServiceAccountFromKey", 0, saKey},
	{grpcOAuth + ".NewJWTAccessFromKey", 0, saKey},

	{optionPath + ".WithCredentialsJSON", 0, googleCreds},
	{optionPath + ".WithAuthCredentialsJSON", 1, googleCreds},

	{tlsPath + ".X509KeyPair", 0, tlsCert},
	{tlsPath + ".X509KeyPair", 1, tlsKey},

	{authCreds + ".NewCredentialsFromJSON", 1, googleCreds},
	{authCreds + ".DetectOptions.CredentialsJSON", -1, googleCreds},
	{authIDToken + ".NewCredentialsFromJSON", 1, googleCreds},
	{authIDToken + ".Options.CredentialsJSON", -1, googleCreds},
}

// readKind is how a function reads a file.
type readKind int

const (
	readFile readKind = iota + 1 // path -> bytes
	openFile                     // path -> *os.File
	readAll                      // reader -> bytes
)

var readers = map[string]readKind{
	"os.ReadFile":        readFile,
	"io/ioutil.ReadFile": readFile,
	"os.Open":            openFile,
	"os.OpenFile":        openFile,
	"io.ReadAll":         readAll,
	"io/ioutil.ReadAll":  readAll,
}

// joiners build a path from parts.
var joiners = map[string]bool{
	"path.Join":          true,
	"path/filepath.Join": true,
}

// adcPackages are the Google authentication libraries that read
// GOOGLE_APPLICATION_CREDENTIALS; os.Setenv is checked only in packages
// that reach one of them ("os" alone is in nearly every package).
var adcPackages = []string{
	optionPath, oauthGoogle, "cloud.google.com/go/auth", authCreds,
	"google.golang.org/grpc/credentials/google", grpcOAuth,
}

// APIKeys lists every API table key the pass matches (lintutil.FuncKey
// notation, or "pkgpath.Type.Field" for struct fields); the suite's
// TestAPITablesResolve checks each one against the real modules.
func APIKeys() []string {
	set := make(map[string]bool)
	for _, s := range pathSinks {
		set[s.key] = true
	}
	for _, s := range parseSinks {
		set[s.key] = true
	}
	for k := range readers {
		set[k] = true
	}
	for k := range joiners {
		set[k] = true
	}
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// defaultAllow are orchestrator mount points, fixed by design.
var defaultAllow = []string{"/var/run/secrets", "/run/secrets"}

// systemCA are the directories of system CA bundles (crypto/x509's
// root_linux.go and root_bsd.go lists).
var systemCA = []string{
	"/etc/ssl", "/etc/pki", "/etc/ca-certificates", "/etc/openssl",
	"/usr/share/ca-certificates", "/usr/local/share/certs", "/usr/local/etc/ssl",
}

// argSink is a sink argument of a function, for the lookup by callee.
type argSink struct {
	arg int
	param
}

// tables are the sinks of one run: the built-in ones plus -credpath.func.
type tables struct {
	pathFuncs  map[string][]argSink // FuncKey -> arguments
	pathFields map[string]param     // "pkgpath.Type.Field"
	parseFuncs map[string][]argSink
	parseField map[string]param
	fieldTypes map[string]bool // "pkgpath.Type" of the struct types with sink fields
	funcNames  map[string]bool // names of the sink functions and methods, a cheap pre-check
	typeNames  map[string]bool // names of the struct types with sink fields
	direct     map[string]bool // packages of package-level function sinks
	reach      []string        // packages of method and field sinks
}

func newTables(user []sink) *tables {
	t := &tables{
		pathFuncs:  make(map[string][]argSink),
		pathFields: make(map[string]param),
		parseFuncs: make(map[string][]argSink),
		parseField: make(map[string]param),
		fieldTypes: make(map[string]bool),
		funcNames:  make(map[string]bool),
		typeNames:  make(map[string]bool),
		direct:     make(map[string]bool),
	}
	add := func(s sink, funcs map[string][]argSink, fields map[string]param) {
		if s.arg < 0 {
			fields[s.key] = s.param
			pkg, typ, _ := splitField(s.key)
			t.fieldTypes[pkg+"."+typ] = true
			t.typeNames[typ] = true
			t.reach = append(t.reach, pkg)
			return
		}
		funcs[s.key] = append(funcs[s.key], argSink{s.arg, s.param})
		t.funcNames[s.key[strings.LastIndex(s.key, ".")+1:]] = true
		switch pkg, method := funcPkg(s.key); {
		case s.key == setenvKey:
			// Handled by adcPackages.
		case method:
			t.reach = append(t.reach, pkg)
		default:
			t.direct[pkg] = true
		}
	}
	for _, s := range pathSinks {
		add(s, t.pathFuncs, t.pathFields)
	}
	for _, s := range user {
		add(s, t.pathFuncs, t.pathFields)
	}
	for _, s := range parseSinks {
		add(s, t.parseFuncs, t.parseField)
	}
	return t
}

// funcPkg returns the package path of a FuncKey and whether it is a
// method.
func funcPkg(key string) (pkg string, method bool) {
	if strings.HasPrefix(key, "(") {
		recv := strings.TrimPrefix(key[1:strings.LastIndex(key, ")")], "*")
		return recv[:strings.LastIndex(recv, ".")], true
	}
	return key[:strings.LastIndex(key, ".")], false
}

// splitField splits "pkgpath.Type.Field".
func splitField(key string) (pkg, typ, field string) {
	i := strings.LastIndex(key, ".")
	field = key[i+1:]
	rest := key[:i]
	j := strings.LastIndex(rest, ".")
	return rest[:j], rest[j+1:], field
}

// Validate checks the options the flags check as they are set, for
// configurations that come from golangci-lint settings instead.
func (c Config) Validate() error {
	_, err := parseFuncEntries(c.Func)
	return err
}

// parseFuncEntries parses the -credpath.func entries.
func parseFuncEntries(entries []string) ([]sink, error) {
	var out []sink
	for _, e := range entries {
		s, err := parseFuncEntry(strings.TrimSpace(e))
		if err != nil {
			return nil, fmt.Errorf("credpath: bad -credpath.func entry %q: %v; want \"pkgpath.Func#N\", \"(*pkgpath.Type).Method#N\" or \"pkgpath.Type.Field\"", e, err)
		}
		out = append(out, s)
	}
	return out, nil
}

func parseFuncEntry(e string) (sink, error) {
	if e == "" {
		return sink{}, fmt.Errorf("empty entry")
	}
	if strings.ContainsAny(e, " \t") {
		return sink{}, fmt.Errorf("spaces are not allowed")
	}
	key, argText, hasArg := strings.Cut(e, "#")
	if !hasArg {
		if strings.ContainsAny(key, "()*") {
			return sink{}, fmt.Errorf("a function or method entry needs an argument index: add #N")
		}
		const hint = "a field entry is pkgpath.Type.Field; a function entry needs #N"
		if strings.Count(key, ".") < 2 {
			return sink{}, errors.New(hint)
		}
		pkg, typ, field := splitField(key)
		if err := checkPkgPath(pkg); err != nil {
			return sink{}, err
		}
		if !token.IsIdentifier(typ) || !token.IsIdentifier(field) {
			return sink{}, fmt.Errorf("%q is not Type.Field: %s", typ+"."+field, hint)
		}
		return sink{key: key, arg: -1, param: userParam}, nil
	}
	n, err := strconv.Atoi(argText)
	if err != nil || n < 0 {
		return sink{}, fmt.Errorf("argument index %q is not a number from 0", argText)
	}
	if strings.HasPrefix(key, "(") {
		end := strings.Index(key, ").")
		if end < 0 {
			return sink{}, fmt.Errorf("a method is written (*pkgpath.Type).Method")
		}
		recv, name := strings.TrimPrefix(key[1:end], "*"), key[end+2:]
		i := strings.LastIndex(recv, ".")
		if i < 0 {
			return sink{}, fmt.Errorf("receiver %q has no package path", recv)
		}
		if err := checkPkgPath(recv[:i]); err != nil {
			return sink{}, err
		}
		if !token.IsIdentifier(recv[i+1:]) || !token.IsIdentifier(name) {
			return sink{}, fmt.Errorf("a method is written (*pkgpath.Type).Method")
		}
		return sink{key: key, arg: n, param: userParam}, nil
	}
	if strings.ContainsAny(key, "()*") {
		return sink{}, fmt.Errorf("a method is written (*pkgpath.Type).Method")
	}
	i := strings.LastIndex(key, ".")
	if i < 0 {
		return sink{}, fmt.Errorf("%q has no package path", key)
	}
	pkg, name := key[:i], key[i+1:]
	if err := checkPkgPath(pkg); err != nil {
		return sink{}, err
	}
	if !token.IsIdentifier(name) {
		return sink{}, fmt.Errorf("%q is not a function name", name)
	}
	// "example.com/pkg.Type.Method#0": the last path element holds a
	// type name.
	last := pkg[strings.LastIndex(pkg, "/")+1:]
	if j := strings.LastIndex(last, "."); j >= 0 && j+1 < len(last) && last[j+1] >= 'A' && last[j+1] <= 'Z' {
		return sink{}, fmt.Errorf("a method is written (*pkgpath.Type).Method or (pkgpath.Type).Method")
	}
	return sink{key: key, arg: n, param: userParam}, nil
}

func checkPkgPath(p string) error {
	if p == "" || strings.HasPrefix(p, "/") || strings.HasSuffix(p, "/") || strings.Contains(p, "//") {
		return fmt.Errorf("bad package path %q", p)
	}
	return nil
}

// checker holds one run's state.
type checker struct {
	pass  *analysis.Pass
	r     *lintutil.Reporter
	t     *tables
	allow []string
	vars  map[*types.Var]*varInfo
	sites []ast.Node // calls, composite literals and assignments to check
	seen  map[token.Pos]bool
}

// varInfo is what is assigned to a local variable in the package.
type varInfo struct {
	defs    []def
	unknown bool // a parameter, address taken, range variable, op-assigned
}

// def is one assignment: rhs, or result tuple of the call rhs.
type def struct {
	rhs   ast.Expr
	tuple int
}

const maxDepth = 8

func run(pass *analysis.Pass, cfg *Config, t *tables) (any, error) {
	if !fastPath(pass, t) {
		return nil, nil
	}
	c := &checker{
		pass:  pass,
		r:     lintutil.NewReporter(pass, lintutil.Policy{Tests: cfg.Tests}),
		t:     t,
		allow: append(append([]string(nil), defaultAllow...), cfg.AllowPrefix...),
		vars:  make(map[*types.Var]*varInfo),
		seen:  make(map[token.Pos]bool),
	}
	insp := lintutil.Inspector(pass)
	// Find the sinks first; then learn the assignments of local variables
	// only in the top-level declarations that hold a sink (a local
	// variable is assigned only inside its declaration).
	var decls []inspector.Cursor
	inDecls := make(map[ast.Node]bool)
	for fcur := range insp.Root().Children() {
		if f, ok := fcur.Node().(*ast.File); !ok || c.r.InTest(f.Package) {
			continue
		}
		for cur := range fcur.Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)) {
			if !c.isSite(cur.Node()) {
				continue
			}
			c.sites = append(c.sites, cur.Node())
			if d := topDecl(cur); !inDecls[d.Node()] {
				inDecls[d.Node()] = true
				decls = append(decls, d)
			}
		}
	}
	defs := []ast.Node{
		(*ast.FuncType)(nil),
		(*ast.AssignStmt)(nil),
		(*ast.ValueSpec)(nil),
		(*ast.UnaryExpr)(nil),
		(*ast.RangeStmt)(nil),
		(*ast.IncDecStmt)(nil),
	}
	for _, d := range decls {
		for cur := range d.Preorder(defs...) {
			c.def(cur.Node())
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

// topDecl returns the top-level declaration that holds cur.
func topDecl(cur inspector.Cursor) inspector.Cursor {
	for {
		p := cur.Parent()
		if _, ok := p.Node().(*ast.File); ok || p.Node() == nil {
			return cur
		}
		cur = p
	}
}

// isSite reports whether n may pass a path or file contents to a sink:
// a call of a sink function, a literal of a struct type with sink
// fields, or an assignment to a sink field.
func (c *checker) isSite(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.CallExpr:
		if fn := lintutil.Callee(c.pass.TypesInfo, n); fn != nil && c.t.funcNames[fn.Name()] {
			k := lintutil.FuncKey(fn)
			return c.t.pathFuncs[k] != nil || c.t.parseFuncs[k] != nil
		}
	case *ast.CompositeLit:
		if tv, ok := c.pass.TypesInfo.Types[n]; ok {
			named, ok := types.Unalias(deref(tv.Type)).(*types.Named)
			return ok && c.t.typeNames[named.Obj().Name()] && c.t.fieldTypes[typeKey(named)]
		}
	case *ast.AssignStmt:
		if n.Tok != token.ASSIGN {
			return false
		}
		for _, l := range n.Lhs {
			if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok {
				if s, ok := c.pass.TypesInfo.Selections[sel]; ok && s.Kind() == types.FieldVal && c.t.fieldTypes[fieldOwner(s)] {
					return true
				}
			}
		}
	}
	return false
}

// def records what n assigns to local variables.
func (c *checker) def(n ast.Node) {
	switch n := n.(type) {
	case *ast.FuncType:
		for _, list := range []*ast.FieldList{n.Params, n.Results} {
			if list == nil {
				continue
			}
			for _, f := range list.List {
				for _, id := range f.Names {
					c.markUnknown(id)
				}
			}
		}
	case *ast.AssignStmt:
		switch n.Tok {
		case token.DEFINE, token.ASSIGN:
			c.assign(n.Lhs, n.Rhs)
		default:
			for _, l := range n.Lhs {
				c.markUnknown(l)
			}
		}
	case *ast.ValueSpec:
		if len(n.Values) > 0 {
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			c.assign(lhs, n.Values)
		}
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			c.markUnknown(n.X)
		}
	case *ast.RangeStmt:
		c.markUnknown(n.Key)
		c.markUnknown(n.Value)
	case *ast.IncDecStmt:
		c.markUnknown(n.X)
	}
}

// local returns the local variable e names, or nil.
func (c *checker) local(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok || v.IsField() || v.Pkg() != c.pass.Pkg || v.Parent() == nil || v.Parent() == c.pass.Pkg.Scope() {
		return nil
	}
	return v
}

func (c *checker) info(v *types.Var) *varInfo {
	vi := c.vars[v]
	if vi == nil {
		vi = &varInfo{}
		c.vars[v] = vi
	}
	return vi
}

func (c *checker) markUnknown(e ast.Expr) {
	if e == nil {
		return
	}
	if v := c.local(e); v != nil {
		c.info(v).unknown = true
	}
}

func (c *checker) assign(lhs, rhs []ast.Expr) {
	for i, l := range lhs {
		v := c.local(l)
		if v == nil {
			continue
		}
		vi := c.info(v)
		switch {
		case len(lhs) == len(rhs):
			vi.defs = append(vi.defs, def{rhs[i], -1})
		case len(rhs) == 1:
			vi.defs = append(vi.defs, def{rhs[0], i})
		default:
			vi.unknown = true
		}
	}
}

// singleDef returns the one assignment of the local variable e names.
// A variable assigned twice, or whose address is taken, is not followed:
// its value may be configuration.
func (c *checker) singleDef(e ast.Expr) (def, bool) {
	v := c.local(e)
	if v == nil {
		return def{}, false
	}
	vi := c.vars[v]
	if vi == nil || vi.unknown || len(vi.defs) != 1 {
		return def{}, false
	}
	return vi.defs[0], true
}

// pathOf returns the constant path e holds.
func (c *checker) pathOf(e ast.Expr, depth int) (string, bool) {
	if depth > maxDepth || e == nil {
		return "", false
	}
	if s, ok := lintutil.ConstString(c.pass.TypesInfo, e); ok {
		return s, true
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := lintutil.Callee(c.pass.TypesInfo, e)
		if fn == nil || e.Ellipsis.IsValid() || !joiners[lintutil.FuncKey(fn)] {
			return "", false
		}
		parts := make([]string, len(e.Args))
		for i, a := range e.Args {
			s, ok := c.pathOf(a, depth+1)
			if !ok {
				return "", false
			}
			parts[i] = s
		}
		return path.Join(parts...), true
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		x, ok := c.pathOf(e.X, depth+1)
		if !ok {
			return "", false
		}
		y, ok := c.pathOf(e.Y, depth+1)
		return x + y, ok
	case *ast.Ident:
		if d, ok := c.singleDef(e); ok && d.tuple < 0 {
			return c.pathOf(d.rhs, depth+1)
		}
	}
	return "", false
}

// read is a constant path whose contents are read.
type read struct {
	at   ast.Expr // the path argument
	path string
}

// bytesOf returns the read whose bytes e holds, or nil.
func (c *checker) bytesOf(e ast.Expr, depth int) *read {
	if depth > maxDepth || e == nil {
		return nil
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if tv, ok := c.pass.TypesInfo.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return c.bytesOf(e.Args[0], depth+1) // []byte(s), string(b)
		}
	case *ast.SliceExpr:
		return c.bytesOf(e.X, depth+1)
	case *ast.Ident:
		d, ok := c.singleDef(e)
		switch {
		case !ok:
		case d.tuple < 0:
			return c.bytesOf(d.rhs, depth+1)
		case d.tuple == 0:
			call, ok := ast.Unparen(d.rhs).(*ast.CallExpr)
			if !ok {
				return nil
			}
			switch c.readKind(call) {
			case readFile:
				return c.readPath(call)
			case readAll:
				return c.fileOf(call.Args[0], depth+1)
			}
		}
	}
	return nil
}

// fileOf returns the read of the constant path whose file e holds.
func (c *checker) fileOf(e ast.Expr, depth int) *read {
	if depth > maxDepth {
		return nil
	}
	d, ok := c.singleDef(e)
	switch {
	case !ok:
	case d.tuple < 0:
		return c.fileOf(d.rhs, depth+1)
	case d.tuple == 0:
		if call, ok := ast.Unparen(d.rhs).(*ast.CallExpr); ok && c.readKind(call) == openFile {
			return c.readPath(call)
		}
	}
	return nil
}

func (c *checker) readKind(call *ast.CallExpr) readKind {
	fn := lintutil.Callee(c.pass.TypesInfo, call)
	if fn == nil || len(call.Args) == 0 {
		return 0
	}
	return readers[lintutil.FuncKey(fn)]
}

func (c *checker) readPath(call *ast.CallExpr) *read {
	if p, ok := c.pathOf(call.Args[0], 0); ok {
		return &read{call.Args[0], p}
	}
	return nil
}

func (c *checker) call(call *ast.CallExpr) {
	fn := lintutil.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		return
	}
	k := lintutil.FuncKey(fn)
	if k == setenvKey {
		if len(call.Args) != 2 {
			return
		}
		if env, ok := lintutil.ConstString(c.pass.TypesInfo, call.Args[0]); !ok || env != adcEnv {
			return
		}
	}
	for _, s := range c.t.pathFuncs[k] {
		if s.arg < len(call.Args) && !(call.Ellipsis.IsValid() && s.arg >= len(call.Args)-1) {
			c.checkPath(call.Args[s.arg], s.param, k == setenvKey)
		}
	}
	for _, s := range c.t.parseFuncs[k] {
		if s.arg < len(call.Args) && !(call.Ellipsis.IsValid() && s.arg >= len(call.Args)-1) {
			c.checkBytes(call.Args[s.arg], s.param, shortKey(k))
		}
	}
}

// compositeLit checks the fields of a struct literal.
func (c *checker) compositeLit(lit *ast.CompositeLit) {
	tv, ok := c.pass.TypesInfo.Types[lit]
	if !ok {
		return
	}
	typ := typeKey(tv.Type)
	if typ == "" {
		return
	}
	st, ok := tv.Type.Underlying().(*types.Struct)
	if !ok {
		if p, isPtr := tv.Type.Underlying().(*types.Pointer); isPtr {
			st, ok = p.Elem().Underlying().(*types.Struct)
		}
		if !ok {
			return
		}
	}
	for i, elt := range lit.Elts {
		var name string
		val := elt
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			name, val = id.Name, kv.Value
		} else if i < st.NumFields() {
			name = st.Field(i).Name()
		}
		c.field(typ+"."+name, val)
	}
}

// assignFields checks assignments to struct fields.
func (c *checker) assignFields(as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, l := range as.Lhs {
		sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		s, ok := c.pass.TypesInfo.Selections[sel]
		if !ok || s.Kind() != types.FieldVal {
			continue
		}
		owner := fieldOwner(s)
		if owner == "" {
			continue
		}
		c.field(owner+"."+sel.Sel.Name, as.Rhs[i])
	}
}

func (c *checker) field(key string, val ast.Expr) {
	if p, ok := c.t.pathFields[key]; ok {
		c.checkPath(val, p, false)
	}
	if p, ok := c.t.parseField[key]; ok {
		c.checkBytes(val, p, shortKey(key))
	}
}

// fieldOwner returns the "pkgpath.Type" key of the struct type that
// declares the selected field, following embedded fields.
func fieldOwner(s *types.Selection) string {
	t := s.Recv()
	idx := s.Index()
	for _, i := range idx[:len(idx)-1] {
		st, ok := deref(t).Underlying().(*types.Struct)
		if !ok || i >= st.NumFields() {
			return ""
		}
		t = st.Field(i).Type()
	}
	return typeKey(t)
}

func deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// typeKey returns "pkgpath.Type" for a named type or a pointer to one.
func typeKey(t types.Type) string {
	n, ok := types.Unalias(deref(t)).(*types.Named)
	if !ok {
		return ""
	}
	obj := n.Origin().Obj()
	if obj.Pkg() == nil {
		return ""
	}
	return lintutil.PkgPath(obj.Pkg()) + "." + obj.Name()
}

// shortKey drops the package path's directories from a table key for
// messages: "golang.org/x/oauth2/google.CredentialsFromJSON" ->
// "google.CredentialsFromJSON".
func shortKey(k string) string {
	prefix := ""
	if strings.HasPrefix(k, "(") {
		prefix, k = "(", k[1:]
		if strings.HasPrefix(k, "*") {
			prefix, k = "(*", k[1:]
		}
	}
	if i := strings.LastIndex(k, "/"); i >= 0 {
		k = k[i+1:]
	}
	return prefix + k
}

func (c *checker) checkPath(arg ast.Expr, p param, setenv bool) {
	value, ok := c.pathOf(arg, 0)
	if !ok || c.exempt(value, p) {
		return
	}
	if setenv {
		c.report(arg, fmt.Sprintf("hardcoded %s path %q set in %s", p.what, value, adcEnv), value,
			"set "+adcEnv+" in the environment the program runs in, not in code")
		return
	}
	c.report(arg, fmt.Sprintf("hardcoded %s path %q", p.what, value), value, remedy(p))
}

func (c *checker) checkBytes(arg ast.Expr, p param, parser string) {
	rd := c.bytesOf(arg, 0)
	if rd == nil || c.exempt(rd.path, p) {
		return
	}
	c.report(rd.at, fmt.Sprintf("hardcoded %s path %q (read here, parsed by %s)", p.what, rd.path, parser), rd.path, remedy(p))
}

func remedy(p param) string {
	r := "read the path from a flag, an environment variable or config"
	if p.adc {
		r += ", or use Application Default Credentials"
	}
	return r
}

// report reports once per position: subject, where the path is and why
// it fails at run time, then the remedy.
func (c *checker) report(at ast.Expr, subject, value, remedy string) {
	if c.seen[at.Pos()] {
		return
	}
	c.seen[at.Pos()] = true
	c.r.Reportf(at, "%s %s; %s", subject, why(value), remedy)
}

// why says how a path breaks.
func why(p string) string {
	switch {
	case p == "~" || strings.HasPrefix(p, "~/") || strings.HasPrefix(p, `~\`):
		return `starts with "~", which Go does not expand: it is a relative path and loading fails`
	case envRef.MatchString(p):
		return fmt.Sprintf("contains %s, which Go does not expand: the path is taken literally and loading fails", envRef.FindString(p))
	case isHome(p):
		return "is in one user's home directory: the file exists only on that machine and loading fails everywhere else"
	case isTemp(p):
		return "is in a temporary directory: the file is missing on every other machine and after a reboot or cleanup"
	case !isAbs(p):
		return "is relative: it resolves against the working directory and loading fails when the program starts elsewhere"
	default:
		return "is fixed in the code: loading fails wherever the file is deployed at another path"
	}
}

// envRef matches a shell or Windows environment variable reference.
var envRef = regexp.MustCompile(`\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|%[A-Za-z_][A-Za-z0-9_]*%`)

func isAbs(p string) bool {
	return strings.HasPrefix(p, "/") || strings.HasPrefix(p, `\\`) || winDrive(p)
}

// winDrive reports whether p starts with a drive letter and a separator.
func winDrive(p string) bool {
	return len(p) >= 3 && p[1] == ':' && (p[2] == '\\' || p[2] == '/') &&
		(p[0] >= 'a' && p[0] <= 'z' || p[0] >= 'A' && p[0] <= 'Z')
}

func isHome(p string) bool {
	if winDrive(p) {
		rest := strings.ToLower(strings.ReplaceAll(p[3:], `\`, "/"))
		return strings.HasPrefix(rest, "users/")
	}
	return underAny(path.Clean(p), []string{"/home", "/Users", "/root"})
}

func isTemp(p string) bool {
	return underAny(path.Clean(p), []string{"/tmp", "/var/tmp", "/private/tmp", "/private/var/folders", "/dev/shm"})
}

// under reports whether the clean path p is dir or inside it.
func under(p, dir string) bool {
	dir = path.Clean(dir)
	if dir == "/" {
		return strings.HasPrefix(p, "/")
	}
	return p == dir || strings.HasPrefix(p, dir+"/")
}

func underAny(p string, dirs []string) bool {
	for _, d := range dirs {
		if under(p, d) {
			return true
		}
	}
	return false
}

// exempt reports whether a hardcoded path is fine: a secrets mount, an
// allowed prefix, a relative path into a testdata directory, or a system
// CA bundle given as a trust bundle.
func (c *checker) exempt(value string, p param) bool {
	if value == "" {
		return true // not set: nothing is loaded from a path
	}
	clean := path.Clean(value)
	if underAny(clean, c.allow) {
		return true
	}
	if !isAbs(value) && slices.Contains(strings.Split(clean, "/"), "testdata") {
		return true // a test fixture: go test runs in the package directory
	}
	return p.ca && underAny(clean, systemCA)
}
