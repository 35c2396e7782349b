package analyzers_test

import (
	"bytes"
	"encoding/gob"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/grpcauthlint/grpcauthlint/analyzers"
	"github.com/grpcauthlint/grpcauthlint/internal/e2etest"
	"github.com/grpcauthlint/grpcauthlint/internal/lintrun"
	"github.com/grpcauthlint/grpcauthlint/internal/srcload"
)

// TestSuiteInvariants: unique names, doc title and URL present, the
// analyzers valid for the drivers, and names stable.
func TestSuiteInvariants(t *testing.T) {
	all := analyzers.All()
	if err := analysis.Validate(all); err != nil {
		t.Fatal(err)
	}
	if len(all) != len(analyzers.Passes()) {
		t.Fatalf("All() has %d analyzers, registry %d", len(all), len(analyzers.Passes()))
	}
	seen := map[string]bool{}
	titleRx := regexp.MustCompile(`^[a-z][^.\n]{5,60}[^.]$`)
	for i, a := range all {
		p := analyzers.Passes()[i]
		if a.Name != p.Name {
			t.Errorf("analyzer %d is %q, registry says %q", i, a.Name, p.Name)
		}
		if seen[a.Name] {
			t.Errorf("duplicate analyzer name %q", a.Name)
		}
		seen[a.Name] = true
		title, body, _ := strings.Cut(a.Doc, "\n\n")
		if !titleRx.MatchString(title) {
			t.Errorf("%s: Doc title %q must be a lower-case phrase of at most ~60 letters without a period", a.Name, title)
		}
		if strings.TrimSpace(body) == "" {
			t.Errorf("%s: Doc has no description", a.Name)
		}
		// Analyzer.Doc is scanned from doc.go's lines; help and README
		// parse the comment. Both must read the same words.
		if words := strings.Join(strings.Fields(body), " "); !strings.Contains(strings.Join(strings.Fields(p.Doc.Text()), " "), words) {
			t.Errorf("%s: Analyzer.Doc's description is not the rendered doc's:\n%s", a.Name, body)
		}
		if a.URL != "https://github.com/grpcauthlint/grpcauthlint#"+a.Name {
			t.Errorf("%s: URL = %q", a.Name, a.URL)
		}
		for _, section := range []string{"# Bad", "# Good", "# Flags"} {
			if !strings.Contains(p.Doc.Text(), section) {
				t.Errorf("%s: doc.go lacks a %q section", a.Name, section)
			}
		}
		if a.Name != strings.ToLower(a.Name) {
			t.Errorf("%s: analyzer names are lower case", a.Name)
		}
	}
}

// TestTestdataWired checks that every package under a pass's
// testdata/src is named in that pass's tests, so no case is dead.
func TestTestdataWired(t *testing.T) {
	for _, p := range analyzers.Passes() {
		dir := filepath.Join("..", "passes", p.Name)
		var tests strings.Builder
		files, _ := filepath.Glob(filepath.Join(dir, "*_test.go"))
		if len(files) == 0 {
			t.Errorf("%s: no tests", p.Name)
			continue
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			tests.Write(data)
		}
		src := filepath.Join(dir, "testdata", "src")
		filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return err
			}
			goFiles, _ := filepath.Glob(filepath.Join(path, "*.go"))
			if len(goFiles) == 0 {
				return nil
			}
			pkg, _ := filepath.Rel(src, path)
			pkg = filepath.ToSlash(pkg)
			if !strings.Contains(tests.String(), `"`+pkg+`"`) && !strings.Contains(tests.String(), `"`+pkg+`/...`) {
				t.Errorf("%s: testdata package %q is not named in any test", p.Name, pkg)
			}
			return nil
		})
	}
}

// TestPassTestsInProcess: the passes' tests run their cases with
// lintest.Run (one in-process load per test binary), not analysistest
// (a go list and a type-check of every dependency per call), except in
// a test that runs the go command anyway and says so with
// e2etest.NeedsGo: the fast tier stays fast.
func TestPassTestsInProcess(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "passes", "*", "*_test.go"))
	if len(files) == 0 {
		t.Fatal("no pass tests found")
	}
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			var calls []ast.Node
			guarded := false
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok {
					if x, ok := sel.X.(*ast.Ident); ok {
						switch {
						case x.Name == "analysistest" && strings.HasPrefix(sel.Sel.Name, "Run"):
							calls = append(calls, sel)
						case x.Name == "e2etest" && sel.Sel.Name == "NeedsGo":
							guarded = true
						}
					}
				}
				return true
			})
			for _, c := range calls {
				if !guarded {
					t.Errorf("%s: analysistest in %s runs the go command on every call: use lintest.Run or lintest.RunWithSuggestedFixes (the same arguments but the directory)",
						fset.Position(c.Pos()), fd.Name.Name)
				}
			}
		}
	}
}

// TestAPITablesResolve loads the real modules (testdata/apis requires
// google.golang.org/grpc, golang.org/x/oauth2, google.golang.org/api and
// cloud.google.com/go/auth) and checks that every API-table entry of
// every pass names a real function, method or struct field, so the stubs
// the unit tests use cannot drift from the real APIs.
func TestAPITablesResolve(t *testing.T) {
	e2etest.NeedsGo(t)
	dir, err := filepath.Abs(filepath.Join("..", "testdata", "apis"))
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("go", "-C", dir, "mod", "download").CombinedOutput(); err != nil {
		t.Fatalf("go mod download: %v\n%s", err, out)
	}
	cfg := &packages.Config{Dir: dir, Mode: packages.NeedName | packages.NeedTypes | packages.NeedDeps | packages.NeedImports}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]*types.Package{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			t.Errorf("loading %s: %v", p.PkgPath, e)
		}
		if p.Types != nil {
			byPath[p.PkgPath] = p.Types
		}
	})
	// The resolver itself must reject what does not exist.
	for _, bad := range []string{
		"google.golang.org/grpc/metadata.NoSuchFunc",
		"(*google.golang.org/grpc/metadata.MD).Get", // value receiver
		"(golang.org/x/oauth2.Config).Exchange",     // pointer receiver
		"cloud.google.com/go/auth/credentials.DetectOptions.NoField",
		"example.com/notloaded.F",
	} {
		if resolve(byPath, bad) == "" {
			t.Errorf("resolve accepted %q", bad)
		}
	}
	for _, p := range analyzers.Passes() {
		keys := p.APIKeys()
		if len(keys) == 0 {
			t.Errorf("%s: no API keys", p.Name)
		}
		for _, key := range keys {
			if err := resolve(byPath, key); err != "" {
				t.Errorf("%s: API key %q: %s", p.Name, key, err)
			}
		}
	}
}

// TestAPIKeysResolveInStubs checks that every pass's API keys are
// sorted and unique, and every API-table entry of every pass resolves
// in the shared stubs the passes' tests run on (loaded in
// process), with the resolver TestAPITablesResolve checks the real
// modules with: a key the stubs lack is a rule no case can exercise.
func TestAPIKeysResolveInStubs(t *testing.T) {
	var paths []string
	for _, p := range analyzers.Passes() {
		for _, key := range p.APIKeys() {
			if path := keyPackage(key); !slices.Contains(paths, path) {
				paths = append(paths, path)
			}
		}
	}
	stubs, err := filepath.Abs(filepath.Join("..", "passes", "internal", "lintest", "testdata", "src"))
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(paths)
	pkgs, err := srcload.For(stubs).Load(paths...)
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]*types.Package{}
	for _, p := range pkgs {
		for _, e := range p.Errors {
			t.Errorf("%s: %v", p.PkgPath, e)
		}
		byPath[p.PkgPath] = p.Types
	}
	for _, p := range analyzers.Passes() {
		keys := p.APIKeys()
		if !slices.IsSorted(keys) || len(slices.Compact(slices.Clone(keys))) != len(keys) {
			t.Errorf("%s: APIKeys not sorted and unique: %q", p.Name, keys)
		}
		for _, key := range keys {
			if err := resolve(byPath, key); err != "" {
				t.Errorf("%s: API key %q in the stubs: %s", p.Name, key, err)
			}
		}
	}
}

// keyPackage is the package path of an API key.
func keyPackage(key string) string {
	key, _, _ = strings.Cut(key, "#")
	if m := methodKey.FindStringSubmatch(key); m != nil {
		return m[2]
	}
	slash := strings.LastIndex(key, "/")
	dot := strings.Index(key[slash+1:], ".")
	if dot < 0 {
		return key
	}
	return key[:slash+1+dot]
}

var methodKey = regexp.MustCompile(`^\((\*?)(.+)\.([A-Za-z_][A-Za-z0-9_]*)\)\.([A-Za-z_][A-Za-z0-9_]*)$`)

// resolve finds the object a table key names: "pkg.Func",
// "(pkg.Type).Method", "(*pkg.Type).Method" or "pkg.Type.Field"; an
// argument index suffix ("#1") is ignored. It returns "" when found.
func resolve(byPath map[string]*types.Package, key string) string {
	key, _, _ = strings.Cut(key, "#")
	if m := methodKey.FindStringSubmatch(key); m != nil {
		pkg := byPath[m[2]]
		if pkg == nil {
			return "package " + m[2] + " is not loaded (import it in testdata/apis/apis.go)"
		}
		tn, ok := pkg.Scope().Lookup(m[3]).(*types.TypeName)
		if !ok {
			return "no type " + m[3]
		}
		var recv types.Type = tn.Type()
		if m[1] == "*" {
			recv = types.NewPointer(recv)
		}
		obj, _, _ := types.LookupFieldOrMethod(recv, true, pkg, m[4])
		fn, ok := obj.(*types.Func)
		if !ok {
			return "no method " + m[4]
		}
		if m[1] == "*" && !types.IsInterface(tn.Type()) {
			// A pointer key must name a pointer-receiver method and a
			// value key a value-receiver one, as FuncKey renders them.
			if _, isPtr := fn.Type().(*types.Signature).Recv().Type().(*types.Pointer); !isPtr {
				return "method " + m[4] + " has a value receiver: key it without *"
			}
		} else if m[1] == "" {
			if _, isPtr := fn.Type().(*types.Signature).Recv().Type().(*types.Pointer); isPtr {
				return "method " + m[4] + " has a pointer receiver: key it with *"
			}
		}
		return ""
	}
	slash := strings.LastIndex(key, "/")
	parts := strings.Split(key[slash+1:], ".")
	pkgPath := key[:slash+1] + parts[0]
	pkg := byPath[pkgPath]
	if pkg == nil {
		return "package " + pkgPath + " is not loaded (import it in testdata/apis/apis.go)"
	}
	switch len(parts) {
	case 2:
		if _, ok := pkg.Scope().Lookup(parts[1]).(*types.Func); !ok {
			return "no function " + parts[1]
		}
	case 3:
		tn, ok := pkg.Scope().Lookup(parts[1]).(*types.TypeName)
		if !ok {
			return "no type " + parts[1]
		}
		obj, _, _ := types.LookupFieldOrMethod(tn.Type(), true, pkg, parts[2])
		if _, ok := obj.(*types.Var); !ok {
			return "no field " + parts[2]
		}
	default:
		return "not a key"
	}
	return ""
}

// TestFlagsDocumented: every flag of every pass is documented in its
// doc.go "# Flags" section as "-pass.flag (setting flag", and every flag
// documented there exists.
func TestFlagsDocumented(t *testing.T) {
	entry := regexp.MustCompile(`(?m)^-([a-z]+)\.([a-z0-9-]+) \(setting ([a-z0-9-]+)[,)]`)
	for i, a := range analyzers.All() {
		text := analyzers.Passes()[i].Doc.Text()
		_, flags, ok := strings.Cut(text, "# Flags")
		if !ok {
			continue // TestSuiteInvariants reports the missing section
		}
		documented := map[string]bool{}
		for _, m := range entry.FindAllStringSubmatch(flags, -1) {
			pass, flag, setting := m[1], m[2], m[3]
			if pass != a.Name {
				t.Errorf("%s: # Flags documents -%s.%s, a flag of another pass", a.Name, pass, flag)
			}
			if flag != setting {
				t.Errorf("%s: -%s.%s is documented as setting %q: flags and settings share one name", a.Name, pass, flag, setting)
			}
			if a.Flags.Lookup(flag) == nil {
				t.Errorf("%s: # Flags documents -%s.%s, which is no flag of the pass", a.Name, pass, flag)
			}
			documented[flag] = true
		}
		a.Flags.VisitAll(func(f *flag.Flag) {
			if !documented[f.Name] {
				t.Errorf("%s: flag -%s.%s is not documented in doc.go's # Flags section as \"-%s.%s (setting %s)\"", a.Name, a.Name, f.Name, a.Name, f.Name, f.Name)
			}
		})
	}
}

// TestFactsEncode: every fact type of every pass survives the gob
// round trip the drivers make (x/tools encodes facts as interface
// values), and prints itself for `// want Name:"..."` expectations.
// Each pass tests its facts with realistic values; this catches a new
// fact type that cannot be encoded at all.
func TestFactsEncode(t *testing.T) {
	type envelope struct{ F analysis.Fact }
	for _, a := range analyzers.All() {
		for _, f := range a.FactTypes {
			typ := reflect.TypeOf(f)
			if typ.Kind() != reflect.Pointer {
				t.Errorf("%s: fact type %v is not a pointer", a.Name, typ)
				continue
			}
			if _, ok := f.(fmt.Stringer); !ok {
				t.Errorf("%s: fact type %v has no String method", a.Name, typ)
			}
			gob.Register(f)
			in := envelope{reflect.New(typ.Elem()).Interface().(analysis.Fact)}
			var buf bytes.Buffer
			if err := gob.NewEncoder(&buf).Encode(in); err != nil {
				t.Errorf("%s: fact type %v does not gob-encode: %v", a.Name, typ, err)
				continue
			}
			var out envelope
			if err := gob.NewDecoder(&buf).Decode(&out); err != nil {
				t.Errorf("%s: fact type %v does not gob-decode: %v", a.Name, typ, err)
				continue
			}
			if !reflect.DeepEqual(in, out) {
				t.Errorf("%s: fact type %v: round trip gave %#v, want %#v", a.Name, typ, out.F, in.F)
			}
		}
	}
}

// TestCheckDirectives: the pass CheckDirectives is called on reports the
// mis-written directives of a package that holds nothing else for it;
// a pass it is not called on reports none of them.
func TestCheckDirectives(t *testing.T) {
	t.Parallel()
	src, err := filepath.Abs(filepath.Join("testdata", "src"))
	if err != nil {
		t.Fatal(err)
	}
	a := analyzers.All()[0]
	analyzers.CheckDirectives(a)
	lintrun.Run(t, []string{src}, a, "directives")

	plain := analyzers.All()[0]
	for _, r := range lintrun.Run(&quiet{T: t}, []string{src}, plain, "directives") {
		if len(r.Diagnostics) > 0 {
			t.Errorf("%s without CheckDirectives: %d findings, want none", plain.Name, len(r.Diagnostics))
		}
	}
}

// quiet is a testing.TB for lintrun runs whose unmet want comments
// are expected: it drops their errors.
type quiet struct{ *testing.T }

func (q *quiet) Errorf(string, ...any) {}
