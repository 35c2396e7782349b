package credpath

import (
	"flag"
	"fmt"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/grpcauthlint/grpcauthlint/internal/e2etest"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintest"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// Every package under testdata/src is named below.

// TestDefaultConfig runs the default analyzer over the cases that need
// no options, in one Run:
//
//   - sinks: every path parameter and field, every kind of path message;
//   - consts, consts/paths: constants from another package, constant
//     expressions, local variables assigned once, and configuration
//     (flags, env, parameters, fields, variables assigned twice);
//   - joins: filepath.Join and path.Join of constants;
//   - reads: os.ReadFile, ioutil.ReadFile, os.Open + io.ReadAll into
//     every parser (a CA bundle into x509.CertPool included), and reads
//     whose bytes go elsewhere;
//   - pkgvars: paths in unexported package variables assigned only at
//     their declaration, and package variables that are configuration;
//   - exempt: secrets mounts and system CA bundles;
//   - typeparams: generic code;
//   - ignore: the //grpcauthlint:ignore directive;
//   - testfiles: _test.go files skipped by default;
//   - odd, typeerrors, nonauth: unusual code, code that does not
//     type-check, and a package the fast path skips.
func TestDefaultConfig(t *testing.T) {
	t.Parallel()
	lintest.Run(t, Analyzer,
		"sinks", "consts", "consts/paths", "joins", "reads", "exempt",
		"pkgvars", "typeparams", "ignore", "testfiles", "odd", "typeerrors", "nonauth")
}

func TestAllowPrefix(t *testing.T) {
	t.Parallel()
	cfg := DefaultConfig()
	cfg.AllowPrefix = []string{"/vault/secrets", "deploy/certs/"}
	lintest.Run(t, New(cfg), "allowprefix")
}

func TestTestsFlag(t *testing.T) {
	t.Parallel()
	cfg := DefaultConfig()
	cfg.Tests = true
	lintest.Run(t, New(cfg), "testfileson")
}

// userFuncs declare the credential parameters of package userfunc/lib.
var userFuncs = []string{
	"userfunc/lib.LoadKey#1",
	"(*userfunc/lib.Loader).Load#0",
	"(userfunc/lib.Source).Open#0",
	"userfunc/lib.Options.KeyFile",
	"(*userfunc/lib.Box).Load#0",
	"userfunc/lib.Generic#0",
}

func TestUserFunc(t *testing.T) {
	t.Parallel()
	cfg := DefaultConfig()
	cfg.Func = userFuncs
	lintest.Run(t, New(cfg), "userfunc", "userfunc/lib")
}

// TestUserFuncFlags sets the same entries through the vet flags, one
// per use and comma-separated.
func TestUserFuncFlags(t *testing.T) {
	t.Parallel()
	a := New(DefaultConfig())
	if err := a.Flags.Set("func", strings.Join(userFuncs[:3], ",")); err != nil {
		t.Fatal(err)
	}
	for _, e := range userFuncs[3:] {
		if err := a.Flags.Set("func", e); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.Flags.Set("allow-prefix", "/run/other"); err != nil {
		t.Fatal(err)
	}
	lintest.Run(t, a, "userfunc")
	if Analyzer.Flags.Lookup("func").Value.String() != "" {
		t.Errorf("setting a flag of one analyzer changed the default analyzer")
	}
}

// recorder is an analysistest.Testing that keeps the errors.
type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// TestBadFuncEntry checks that a malformed -credpath.func entry is an
// error naming it: from the run when it comes from the Config (golangci
// settings), from flag parsing when it comes from the flag.
func TestBadFuncEntry(t *testing.T) {
	t.Parallel()
	for _, bad := range []string{"userfunc/lib.LoadKey", "(*userfunc/lib.Loader).Load"} {
		want := fmt.Sprintf("bad -credpath.func entry %q", bad)

		cfg := DefaultConfig()
		cfg.Func = []string{"userfunc/lib.LoadKey#1", bad}
		var r recorder
		lintest.Run(&r, New(cfg), "userfunc")
		found := false
		for _, e := range r.errs {
			found = found || strings.Contains(e, want)
		}
		if !found {
			t.Errorf("Config entry %q: errors %q, want one containing %s", bad, r.errs, want)
		}

		a := New(DefaultConfig())
		err := a.Flags.Set("func", "userfunc/lib.LoadKey#1,"+bad)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("flag entry %q: error %v, want one containing %s", bad, err, want)
		}
		if got := a.Flags.Lookup("func").Value.String(); got != "" {
			t.Errorf("flag entry %q: a rejected value was kept: %q", bad, got)
		}
	}
}

func TestParseFuncEntry(t *testing.T) {
	for _, tt := range []struct {
		entry string
		key   string
		arg   int
		err   string // substring of the error; "" for a valid entry
	}{
		{entry: "example.com/pkg.LoadKey#0", key: "example.com/pkg.LoadKey", arg: 0},
		{entry: "example.com/pkg/v2.LoadKey#3", key: "example.com/pkg/v2.LoadKey", arg: 3},
		{entry: "gopkg.in/yaml.v3.Load#1", key: "gopkg.in/yaml.v3.Load", arg: 1},
		{entry: "(*example.com/pkg.Loader).Load#0", key: "(*example.com/pkg.Loader).Load", arg: 0},
		{entry: "(example.com/pkg.Source).Open#1", key: "(example.com/pkg.Source).Open", arg: 1},
		{entry: "example.com/pkg.Options.KeyFile", key: "example.com/pkg.Options.KeyFile", arg: -1},
		{entry: "mypkg.Options.KeyFile", key: "mypkg.Options.KeyFile", arg: -1},
		{entry: "example.com/pkg.LoadKey", err: "a function entry needs #N"},
		{entry: "(*example.com/pkg.Loader).Load", err: "needs an argument index"},
		{entry: "example.com/pkg.LoadKey#x", err: "is not a number"},
		{entry: "example.com/pkg.LoadKey#-1", err: "is not a number"},
		{entry: "example.com/pkg.Loader.Load#0", err: "a method is written"},
		{entry: "(*example.com/pkg.Loader.Load#0", err: "a method is written"},
		{entry: "(*Loader).Load#0", err: "no package path"},
		{entry: "LoadKey#0", err: "no package path"},
		{entry: "example.com/pkg.Load Key#0", err: "spaces"},
		{entry: "example.com/pkg.Options.Key-File", err: "is not Type.Field"},
		{entry: "/pkg.Options.KeyFile", err: "bad package path"},
		{entry: "", err: "empty"},
	} {
		s, err := parseFuncEntry(tt.entry)
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("parseFuncEntry(%q): %v", tt.entry, err)
		case tt.err == "" && (s.key != tt.key || s.arg != tt.arg):
			t.Errorf("parseFuncEntry(%q) = %q#%d, want %q#%d", tt.entry, s.key, s.arg, tt.key, tt.arg)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("parseFuncEntry(%q) error = %v, want one containing %q", tt.entry, err, tt.err)
		}
	}
}

// TestConfigFlags checks that the flags are a view onto the Config: the
// json tags equal the flag names, the defaults agree, and setting a flag
// does not change the caller's Config.
func TestConfigFlags(t *testing.T) {
	a := New(DefaultConfig())
	var flags []string
	a.Flags.VisitAll(func(f *flag.Flag) { flags = append(flags, f.Name) })
	var tags []string
	ct := reflect.TypeOf(Config{})
	for i := 0; i < ct.NumField(); i++ {
		tags = append(tags, ct.Field(i).Tag.Get("json"))
	}
	sort.Strings(flags)
	sort.Strings(tags)
	if !reflect.DeepEqual(flags, tags) {
		t.Errorf("flags %q, json tags %q: want the same names", flags, tags)
	}
	if got := a.Flags.Lookup("tests").DefValue; got != fmt.Sprint(DefaultConfig().Tests) {
		t.Errorf("-tests default %s", got)
	}
	cfg := Config{AllowPrefix: []string{"/a"}}
	b := New(cfg)
	if err := b.Flags.Set("allow-prefix", "/b"); err != nil {
		t.Fatal(err)
	}
	if len(cfg.AllowPrefix) != 1 {
		t.Errorf("setting -allow-prefix changed the Config given to New: %q", cfg.AllowPrefix)
	}
	if got := b.Flags.Lookup("allow-prefix").Value.String(); got != "/a,/b" {
		t.Errorf("-allow-prefix = %q, want /a,/b", got)
	}
	if Doc.Title == "" || !strings.HasPrefix(Analyzer.Doc, Doc.Title) || Analyzer.URL == "" {
		t.Errorf("doc: title %q, URL %q", Doc.Title, Analyzer.URL)
	}
}

// TestFastPath checks which import graphs reach the sinks.
func TestFastPath(t *testing.T) {
	user, err := parseFuncEntries([]string{"(*example.com/lib.Loader).Load#0"})
	if err != nil {
		t.Fatal(err)
	}
	tb := newTables(user)
	pkg := func(path string, imports ...*types.Package) *types.Package {
		p := types.NewPackage(path, path[strings.LastIndex(path, "/")+1:])
		p.SetImports(imports)
		return p
	}
	tls := pkg("crypto/tls")
	osPkg := pkg("os")
	http := pkg("net/http", tls, osPkg)
	option := pkg(grpcapi.APIOption)
	pemfile := pkg(grpcapi.PEMFile)
	storage := pkg("cloud.google.com/go/storage", option)
	wrapper := pkg("example.com/wrapper", pemfile)
	lib := pkg("example.com/lib")
	for _, tt := range []struct {
		name string
		pkg  *types.Package
		want bool
	}{
		{"fmt only", pkg("a", pkg("fmt")), false},
		{"os only", pkg("a", osPkg), false},
		{"net/http reaches crypto/tls", pkg("a", http, osPkg), false},
		{"crypto/tls", pkg("a", tls), true},
		{"option", pkg("a", option), true},
		{"os and a client library", pkg("a", osPkg, storage), true},
		{"client library without os", pkg("a", storage), false},
		{"field sink through another package", pkg("a", wrapper), true},
		{"user method sink through another package", pkg("a", pkg("b", lib)), true},
		{"vendored crypto/tls", pkg("a", pkg("x/vendor/crypto/tls")), true},
		{"the sink package itself", pkg(grpcapi.TLS), true},
	} {
		pass := &analysis.Pass{Pkg: tt.pkg}
		pass.ResultOf = map[*analysis.Analyzer]any{lintutil.Shared: lintutil.NewPackage(pass)}
		if got := fastPath(pass, tb); got != tt.want {
			t.Errorf("%s: fastPath = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestMessages checks the classification of paths.
func TestMessages(t *testing.T) {
	for _, tt := range []struct{ path, want string }{
		{"/home/alice/k.json", "home directory"},
		{"/Users/bob/k.json", "home directory"},
		{"/root/k.json", "home directory"},
		{"/root", "home directory"},
		{`C:\Users\alice\k.json`, "home directory"},
		{`c:/users/alice/k.json`, "home directory"},
		{"/tmp/k.json", "temporary directory"},
		{"/var/tmp/k.json", "temporary directory"},
		{"/tmpfoo/k.json", "is hardcoded"},
		{"/homework/k.json", "is hardcoded"},
		{"k.json", "is relative"},
		{"./k.json", "is relative"},
		{"../k.json", "is relative"},
		{"~/k.json", "does not expand"},
		{`C:\keys\k.json`, "is hardcoded"},
		{"/srv/k.json", "is hardcoded"},
		{"$HOME/.config/k.json", `contains $HOME, which Go does not expand`},
		{"${XDG_CONFIG_HOME}/k.json", `contains ${XDG_CONFIG_HOME}`},
		{`%APPDATA%\\k.json`, `contains %APPDATA%`},
		{"/srv/k$1.json", "is hardcoded"},
	} {
		if got := why(tt.path); !strings.Contains(got, tt.want) {
			t.Errorf("why(%q) = %q, want it to contain %q", tt.path, got, tt.want)
		}
	}
}

// TestAPIKeysResolveInStubs checks every table key against the shared
// stubs: functions exist with the argument at the table's index (a
// string for paths, a []byte for contents), fields exist with that type.
// The suite checks the same keys against the real modules.
func TestAPIKeysResolveInStubs(t *testing.T) {
	resolveKeys(t, func(paths []string) ([]*packages.Package, error) { return lintest.Stubs().Load(paths...) })
}

// TestAPIKeysResolveInRealModules runs the same check against a module
// that requires the real APIs, when GRPCAUTHLINT_REAL_MODULES names its
// directory.
func TestAPIKeysResolveInRealModules(t *testing.T) {
	dir := os.Getenv("GRPCAUTHLINT_REAL_MODULES")
	if dir == "" {
		t.Skip("GRPCAUTHLINT_REAL_MODULES not set")
	}
	e2etest.NeedsGo(t)
	resolveKeys(t, func(paths []string) ([]*packages.Package, error) {
		return packages.Load(&packages.Config{Dir: dir, Mode: packages.NeedName | packages.NeedTypes | packages.NeedImports | packages.NeedDeps}, paths...)
	})
}

func resolveKeys(t *testing.T, load func(paths []string) ([]*packages.Package, error)) {
	type entry struct {
		key   string
		arg   int
		bytes bool
	}
	var entries []entry
	for _, s := range pathSinks {
		entries = append(entries, entry{s.key, s.arg, false})
	}
	for _, s := range parseSinks {
		entries = append(entries, entry{s.key, s.arg, true})
	}
	for k, kind := range readers {
		entries = append(entries, entry{k, 0, kind == readAll})
	}
	for k := range joiners {
		entries = append(entries, entry{k, 0, false})
	}
	covered := make(map[string]bool)
	pkgSet := make(map[string]bool)
	for _, e := range entries {
		covered[e.key] = true
		if e.arg < 0 {
			p, _, _ := splitField(e.key)
			pkgSet[p] = true
		} else {
			p, _ := funcPkg(e.key)
			pkgSet[p] = true
		}
	}
	for _, k := range APIKeys() {
		if !covered[k] {
			t.Errorf("APIKeys lists %s, which no table holds", k)
		}
	}
	var paths []string
	for p := range pkgSet {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	pkgs, err := load(paths)
	if err != nil {
		t.Fatal(err)
	}
	byPath := make(map[string]*types.Package)
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			t.Errorf("%s: %v", p.PkgPath, e)
		}
		if p.Types != nil {
			byPath[p.PkgPath] = p.Types
		}
	})
	for _, e := range entries {
		if e.arg < 0 {
			p, typ, field := splitField(e.key)
			tp := byPath[p]
			if tp == nil {
				t.Errorf("%s: package %s not loaded", e.key, p)
				continue
			}
			obj, _ := tp.Scope().Lookup(typ).(*types.TypeName)
			if obj == nil {
				t.Errorf("%s: no type %s", e.key, typ)
				continue
			}
			st, ok := obj.Type().Underlying().(*types.Struct)
			var ft types.Type
			for i := 0; ok && i < st.NumFields(); i++ {
				if st.Field(i).Name() == field {
					ft = st.Field(i).Type()
				}
			}
			if ft == nil {
				t.Errorf("%s: no field %s", e.key, field)
			} else if !argType(ft, e.bytes) {
				t.Errorf("%s: field type %s", e.key, ft)
			}
			continue
		}
		p, method := funcPkg(e.key)
		tp := byPath[p]
		if tp == nil {
			t.Errorf("%s: package %s not loaded", e.key, p)
			continue
		}
		var fn *types.Func
		if method {
			recv := e.key[1:strings.LastIndex(e.key, ")")]
			ptr := strings.HasPrefix(recv, "*")
			tn, _ := tp.Scope().Lookup(recv[strings.LastIndex(recv, ".")+1:]).(*types.TypeName)
			if tn != nil {
				var t types.Type = tn.Type()
				if ptr {
					t = types.NewPointer(t)
				}
				obj, _, _ := types.LookupFieldOrMethod(t, false, tp, e.key[strings.LastIndex(e.key, ".")+1:])
				fn, _ = obj.(*types.Func)
			}
		} else {
			fn, _ = tp.Scope().Lookup(e.key[strings.LastIndex(e.key, ".")+1:]).(*types.Func)
		}
		if fn == nil {
			t.Errorf("%s: not found", e.key)
			continue
		}
		sig := fn.Type().(*types.Signature)
		if e.arg >= sig.Params().Len() {
			t.Errorf("%s: no argument %d", e.key, e.arg)
			continue
		}
		at := sig.Params().At(e.arg).Type()
		if sig.Variadic() && e.arg == sig.Params().Len()-1 {
			at = at.(*types.Slice).Elem()
		}
		if readers[e.key] == readAll {
			continue // an io.Reader
		}
		if !argType(at, e.bytes) {
			t.Errorf("%s: argument %d has type %s", e.key, e.arg, at)
		}
	}
}

func argType(t types.Type, bytes bool) bool {
	if bytes {
		s, ok := t.Underlying().(*types.Slice)
		if !ok {
			return false
		}
		b, ok := s.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.String
}

// TestEverySinkTested checks that every table entry is exercised by the
// sinks or reads case (by its function or field name), so a new entry
// comes with a case.
func TestEverySinkTested(t *testing.T) {
	var src strings.Builder
	for _, dir := range []string{"sinks", "reads"} {
		files, _ := filepath.Glob(filepath.Join("testdata", "src", dir, "*.go"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			src.Write(data)
		}
	}
	for _, s := range append(append([]sink(nil), pathSinks...), parseSinks...) {
		name := s.key[strings.LastIndex(s.key, ".")+1:]
		want := "." + name + "("
		if s.arg < 0 {
			_, typ, field := splitField(s.key)
			if !strings.Contains(src.String(), typ+"{") {
				t.Errorf("%s: no literal of %s in testdata/src/sinks or reads", s.key, typ)
			}
			want = field + ":"
		}
		if !strings.Contains(src.String(), want) {
			t.Errorf("%s: no %q in testdata/src/sinks or reads", s.key, want)
		}
	}
}

// TestParsedByRelated checks the second location of the findings of
// reads: each names the parser in its related information, at the
// parser's call or field, and every parser of the table is met.
func TestParsedByRelated(t *testing.T) {
	t.Parallel()
	results := lintest.Run(t, Analyzer, "reads")
	met := make(map[string]bool)
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if len(d.Related) == 0 {
				continue // a hardcoded-path finding
			}
			if len(d.Related) != 1 || !strings.HasPrefix(d.Related[0].Message, "parsed by ") {
				t.Errorf("%s: %q: related %v, want one \"parsed by\"", r.Pass.Fset.Position(d.Pos), d.Message, d.Related)
				continue
			}
			parser := strings.TrimPrefix(d.Related[0].Message, "parsed by ")
			met[parser] = true
			pos := r.Pass.Fset.Position(d.Related[0].Pos)
			data, err := os.ReadFile(pos.Filename)
			if err != nil {
				t.Fatal(err)
			}
			line := strings.Split(string(data), "\n")[pos.Line-1]
			name := parser[strings.LastIndex(parser, ".")+1:]
			if !strings.Contains(line, "."+name+"(") && !strings.Contains(line, name+":") && !strings.Contains(line, "."+name+" =") {
				t.Errorf("%s: related %q at %s, which is not that call or field: %s", r.Pass.Fset.Position(d.Pos), parser, pos, line)
			}
		}
	}
	for _, s := range parseSinks {
		if !met[lintutil.ShortKey(s.key)] {
			t.Errorf("no finding of reads names %s as its parser", lintutil.ShortKey(s.key))
		}
	}
}
