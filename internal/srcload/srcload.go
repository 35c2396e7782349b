// Package srcload type-checks Go packages in process, the way
// go/packages in GOPATH mode (GO111MODULE=off) with Tests: true and
// LoadAllSyntax would (analysistest's loadPackages), without running the
// go command: import paths resolve to the GOPATH src roots given, in
// order, and the standard library to GOROOT/src (its vendor directory
// for the standard library's own imports); files are selected by
// go/build's rules (build constraints, GOOS/GOARCH file names, cgo off);
// every package is parsed with comments and type-checked with bodies and
// full types.Info, once, and kept. A Loader is safe for concurrent use,
// and For returns one Loader per set of roots for the life of the
// process, so every test of a test binary shares it; the standard
// library is loaded once for all of them.
//
// Under go test -short the standard library is type-checked from its
// declarations only, and cached across test binaries (stdcache.go).
package srcload

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/packages"
)

// A Loader loads the packages of one GOPATH (a list of src roots).
type Loader struct {
	mu    sync.Mutex
	fset  *token.FileSet
	ctxt  build.Context
	roots []string // GOPATH src roots, searched in order
	pkgs  map[string]*packages.Package
	busy  map[string]bool                // being loaded: an import cycle
	tests map[string][]*packages.Package // rootsFor of a package path
	dirs  map[string]*dirFiles           // the parsed files of GOPATH packages
	sizes types.Sizes
}

var (
	loadersMu sync.Mutex
	loaders   = map[string]*Loader{}
	// fset holds the files of every Loader: the standard library,
	// loaded once by std, is shared by all of them.
	fset = token.NewFileSet()
	std  = newLoader(nil)
)

// goroot is the GOROOT the test binary was built with.
func goroot() string {
	if r := os.Getenv("GOROOT"); r != "" {
		return r
	}
	return runtime.GOROOT()
}

// For returns the Loader of the GOPATH made of src roots, created once
// per process.
func For(roots ...string) *Loader {
	key := strings.Join(roots, string(filepath.ListSeparator))
	loadersMu.Lock()
	defer loadersMu.Unlock()
	if l := loaders[key]; l != nil {
		return l
	}
	l := newLoader(roots)
	loaders[key] = l
	return l
}

func newLoader(roots []string) *Loader {
	ctxt := build.Default
	ctxt.GOROOT = goroot()
	ctxt.GOPATH = ""
	ctxt.CgoEnabled = false // no cgo preprocessing in process: the pure Go files
	ctxt.Dir = ""
	l := &Loader{
		fset:  fset,
		ctxt:  ctxt,
		roots: roots,
		pkgs:  map[string]*packages.Package{},
		busy:  map[string]bool{},
		tests: map[string][]*packages.Package{},
		dirs:  map[string]*dirFiles{},
		sizes: types.SizesFor("gc", ctxt.GOARCH),
	}
	return l
}

// stdDeclsOnly reports whether the standard library is loaded without
// its function bodies: under go test -short, where the cases need its
// declarations only (the passes find nothing to report or summarise in
// it: their fast paths leave every package that cannot see the gRPC,
// oauth2 and credential APIs, as every standard package cannot). The
// bodies are about half the cost of a load, and declarations can be
// cached across test binaries. Without -short, CI loads it as
// analysistest does, bodies and all, so a pass that did look inside the
// standard library would show the difference there.
var stdDeclsOnly = func() bool { return testing.Testing() && testing.Short() }

// resolve finds the directories (several when a path exists in more
// than one GOPATH root: the copy lintest.TestData makes merges them) and
// the package path of import path as imported from a package in fromDir.
func (l *Loader) resolve(path, fromDir string) (pkgPath string, dirs []string, isStd bool) {
	src := filepath.Join(l.ctxt.GOROOT, "src")
	if fromDir != "" && strings.HasPrefix(fromDir, src+string(filepath.Separator)) {
		// The standard library's vendored imports.
		if d := filepath.Join(src, "vendor", filepath.FromSlash(path)); isDir(d) {
			return "vendor/" + path, []string{d}, true
		}
	}
	if strings.HasPrefix(path, "vendor/") {
		if d := filepath.Join(src, filepath.FromSlash(path)); isDir(d) {
			return path, []string{d}, true
		}
	}
	if d := filepath.Join(src, filepath.FromSlash(path)); isDir(d) && !strings.HasPrefix(path, "cmd/") {
		return path, []string{d}, true
	}
	for _, root := range l.roots {
		if d := filepath.Join(root, filepath.FromSlash(path)); isDir(d) {
			dirs = append(dirs, d)
		}
	}
	return path, dirs, false
}

func isDir(d string) bool {
	fi, err := os.Stat(d)
	return err == nil && fi.IsDir()
}

// files of one package directory (or merged directories), by kind.
type dirFiles struct {
	name                string // package name of the non-test files
	goFiles, testFiles  []*ast.File
	xtestFiles          []*ast.File
	goNames, testNames  []string
	xtestNames, ignored []string
	errs                map[string][]packages.Error // parse errors by file
}

// errsOf returns the parse errors of the files names.
func (df *dirFiles) errsOf(names ...[]string) []packages.Error {
	var errs []packages.Error
	for _, list := range names {
		for _, n := range list {
			errs = append(errs, df.errs[n]...)
		}
	}
	return errs
}

// parseDirs parses the Go files of dirs that go/build selects for this
// platform. A file of the same name in a later dir is shadowed by the
// earlier one, as copying the roots over each other in reverse order
// would do. Test files are read only when tests is set.
func (l *Loader) parseDirs(dirs []string, tests bool) (*dirFiles, error) {
	df := &dirFiles{errs: map[string][]packages.Error{}}
	seen := map[string]bool{}
	found := false
	for _, dir := range dirs {
		ents, err := os.ReadDir(dir)
		if err != nil {
			return nil, err
		}
		for _, e := range ents {
			name := e.Name()
			if e.IsDir() || !strings.HasSuffix(name, ".go") || seen[name] {
				continue
			}
			seen[name] = true
			found = true
			isTest := strings.HasSuffix(name, "_test.go")
			if isTest && !tests {
				continue
			}
			full := filepath.Join(dir, name)
			match, err := l.ctxt.MatchFile(dir, name)
			if err != nil || !match {
				df.ignored = append(df.ignored, full)
				continue
			}
			f, err := parser.ParseFile(l.fset, full, nil, parser.AllErrors|parser.ParseComments)
			if err != nil {
				df.errs[full] = parseErrors(full, err)
			}
			if f == nil {
				continue
			}
			switch {
			case isTest && strings.HasSuffix(f.Name.Name, "_test"):
				df.xtestFiles = append(df.xtestFiles, f)
				df.xtestNames = append(df.xtestNames, full)
			case isTest:
				df.testFiles = append(df.testFiles, f)
				df.testNames = append(df.testNames, full)
			default:
				df.goFiles = append(df.goFiles, f)
				df.goNames = append(df.goNames, full)
				if df.name == "" {
					df.name = f.Name.Name
				}
			}
		}
	}
	if !found {
		return nil, fmt.Errorf("no Go files in %s", strings.Join(dirs, ", "))
	}
	if df.name == "" && len(df.testFiles) > 0 {
		df.name = df.testFiles[0].Name.Name
	}
	return df, nil
}

func parseErrors(file string, err error) []packages.Error {
	var errs []packages.Error
	if list, ok := err.(scanner.ErrorList); ok {
		for _, e := range list {
			errs = append(errs, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
		}
		return errs
	}
	return []packages.Error{{Pos: file + ":1", Msg: err.Error(), Kind: packages.ParseError}}
}

// load returns the package at import path (imported from fromDir),
// loading it and its dependencies on first use. Callers hold l.mu.
func (l *Loader) load(path, fromDir string) (*packages.Package, error) {
	// A load allocates much and frees little: collect less often.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	if l != std {
		if _, _, isStd := l.resolve(path, fromDir); isStd || path == "unsafe" {
			std.mu.Lock()
			defer std.mu.Unlock()
			return std.load(path, fromDir)
		}
	}
	if path == "unsafe" {
		if p := l.pkgs["unsafe"]; p != nil {
			return p, nil
		}
		p := &packages.Package{
			ID: "unsafe", Name: "unsafe", PkgPath: "unsafe",
			Types: types.Unsafe, Fset: l.fset, Syntax: []*ast.File{},
			TypesInfo: newInfo(), TypesSizes: l.sizes, Imports: map[string]*packages.Package{},
		}
		l.pkgs["unsafe"] = p
		return p, nil
	}
	pkgPath, dirs, isStd := l.resolve(path, fromDir)
	if p := l.pkgs[pkgPath]; p != nil {
		return p, nil
	}
	if len(dirs) == 0 {
		return nil, fmt.Errorf("cannot find package %q in any of %s, %s", path, filepath.Join(l.ctxt.GOROOT, "src"), strings.Join(l.roots, ", "))
	}
	if l.busy[pkgPath] {
		return nil, fmt.Errorf("import cycle through %q", pkgPath)
	}
	l.busy[pkgPath] = true
	defer delete(l.busy, pkgPath)
	if isStd && stdDeclsOnly() {
		if p := l.loadCached(pkgPath, dirs[0]); p != nil {
			l.pkgs[pkgPath] = p
			return p, nil
		}
	}
	df, err := l.parseDirs(dirs, !isStd)
	if err != nil {
		return nil, err
	}
	l.dirs[pkgPath] = df
	if isStd && stdDeclsOnly() {
		for _, f := range df.goFiles {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
					// Empty, not nil: a generic function needs one.
					fd.Body = &ast.BlockStmt{Lbrace: fd.Body.Lbrace, Rbrace: fd.Body.Rbrace}
				}
			}
		}
	}
	p := l.check(pkgPath, pkgPath, df.name, dirs[0], df.goFiles, df.goNames, nil, df)
	l.pkgs[pkgPath] = p
	if isStd && stdDeclsOnly() {
		l.storeCached(p, dirs[0])
	}
	return p, nil
}

// check type-checks one package (variant) from files; self, when not
// nil, is what an import of the package's own path resolves to (the
// test variant, for an external test package).
func (l *Loader) check(id, pkgPath, name, dir string, files []*ast.File, names []string, self *packages.Package, df *dirFiles) *packages.Package {
	p := &packages.Package{
		ID:              id,
		Name:            name,
		PkgPath:         pkgPath,
		GoFiles:         names,
		CompiledGoFiles: names,
		IgnoredFiles:    df.ignored,
		Fset:            l.fset,
		Syntax:          files,
		TypesInfo:       newInfo(),
		TypesSizes:      l.sizes,
		Imports:         map[string]*packages.Package{},
	}
	p.Errors = append(p.Errors, df.errsOf(names)...)
	// Dependencies first, in a stable order.
	var paths []string
	for _, f := range files {
		for _, spec := range f.Imports {
			ip := strings.Trim(spec.Path.Value, "`\"")
			if ip != "C" && !slices.Contains(paths, ip) {
				paths = append(paths, ip)
			}
		}
	}
	slices.Sort(paths)
	importErr := map[string]error{}
	for _, ip := range paths {
		if self != nil && ip == self.PkgPath {
			p.Imports[ip] = self
			continue
		}
		dep, err := l.load(ip, dir)
		if err != nil {
			importErr[ip] = err
			continue
		}
		p.Imports[ip] = dep
	}
	conf := &types.Config{
		Importer: importerFunc(func(ip string) (*types.Package, error) {
			if dep := p.Imports[ip]; dep != nil {
				return dep.Types, nil
			}
			if err := importErr[ip]; err != nil {
				return nil, err
			}
			return nil, fmt.Errorf("package %q not loaded", ip)
		}),
		Sizes:            l.sizes,
		IgnoreFuncBodies: l == std && stdDeclsOnly(),
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				p.TypeErrors = append(p.TypeErrors, te)
				p.Errors = append(p.Errors, packages.Error{Pos: te.Fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError})
			}
		},
	}
	p.Types = types.NewPackage(pkgPath, name)
	if err := types.NewChecker(conf, l.fset, p.Types, p.TypesInfo).Files(files); err != nil && len(p.Errors) == 0 {
		p.Errors = append(p.Errors, packages.Error{Msg: err.Error(), Kind: packages.TypeError})
	}
	p.IllTyped = len(p.Errors) > 0
	for _, dep := range p.Imports {
		p.IllTyped = p.IllTyped || dep.IllTyped
	}
	return p
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

func newInfo() *types.Info {
	return &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
}

// Roots returns the packages go list -test would list for pattern (a
// package path, or a path ending in "/..." matching the packages at and
// under it in the GOPATH roots): each package, then its test variant
// "p [p.test]" and external test package "p_test [p.test]" when it has
// test files (the generated test main is left out: it holds no case).
func (l *Loader) Roots(pattern string) ([]*packages.Package, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var paths []string
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		for _, root := range l.roots {
			filepath.WalkDir(filepath.Join(root, filepath.FromSlash(base)), func(path string, d os.DirEntry, err error) error {
				if err != nil || !d.IsDir() {
					return nil
				}
				if name := d.Name(); name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
					return filepath.SkipDir
				}
				if gos, _ := filepath.Glob(filepath.Join(path, "*.go")); len(gos) > 0 {
					rel, _ := filepath.Rel(root, path)
					if p := filepath.ToSlash(rel); !slices.Contains(paths, p) {
						paths = append(paths, p)
					}
				}
				return nil
			})
		}
		if len(paths) == 0 {
			return nil, fmt.Errorf("pattern %s matches no packages", pattern)
		}
		slices.Sort(paths)
	} else {
		paths = []string{pattern}
	}
	var out []*packages.Package
	for _, path := range paths {
		pkgs, err := l.withTests(path)
		if err != nil {
			return nil, err
		}
		out = append(out, pkgs...)
	}
	return out, nil
}

// withTests loads path and its test variants. Callers hold l.mu.
func (l *Loader) withTests(path string) ([]*packages.Package, error) {
	if cached, ok := l.tests[path]; ok {
		return cached, nil
	}
	p, err := l.load(path, "")
	if err != nil {
		return nil, err
	}
	out := []*packages.Package{p}
	pkgPath, dirs, std := l.resolve(path, "")
	if !std && l.dirs[pkgPath] != nil {
		df := l.dirs[pkgPath]
		self := p
		if len(df.testFiles) > 0 {
			// The in-package test files are merged into a variant of
			// their own; the package's non-test files are shared with
			// the plain variant (they are only read).
			files := append(slices.Clip(p.Syntax), df.testFiles...)
			names := append(slices.Clip(p.GoFiles), df.testNames...)
			self = l.check(pkgPath+" ["+pkgPath+".test]", pkgPath, p.Name, dirs[0], files, names, nil, &dirFiles{ignored: p.IgnoredFiles, errs: df.errs})
			out = append(out, self)
		}
		if len(df.xtestFiles) > 0 {
			name := df.xtestFiles[0].Name.Name
			out = append(out, l.check(pkgPath+"_test ["+pkgPath+".test]", pkgPath+"_test", name, dirs[0], df.xtestFiles, df.xtestNames, self, &dirFiles{errs: df.errs}))
		}
	}
	l.tests[path] = out
	return out, nil
}

// Load returns the packages at import paths (no test variants), loading
// them and their dependencies on first use; a package that does not
// type-check is returned with its Errors.
func (l *Loader) Load(paths ...string) ([]*packages.Package, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []*packages.Package
	for _, path := range paths {
		p, err := l.load(path, "")
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// Types returns the types of every package loaded so far, by package
// path (test variants left out).
func (l *Loader) Types() map[string]*types.Package {
	l.mu.Lock()
	defer l.mu.Unlock()
	m := make(map[string]*types.Package, len(l.pkgs))
	for path, p := range l.pkgs {
		if p.Types != nil {
			m[path] = p.Types
		}
	}
	return m
}
