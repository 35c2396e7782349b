package srcload

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/ast"
	"go/build"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// The standard library's declarations, as -short loads them, are the
// same for every test binary of a go test ./... run: the first binary
// to type-check a standard package writes its export data to a cache
// directory under os.UserCacheDir, and the others read it instead of
// parsing and type-checking the package again. A package read from the
// cache has no syntax: -short analyzes the standard library's
// declarations only, and no pass finds anything to report or summarise
// in those (the fast paths leave every package that cannot see the
// APIs). Entries are keyed by the Go version, GOOS/GOARCH, the build
// tags, the package's files (names, sizes, modification times) and
// its dependencies' keys; a stale or unreadable entry is ignored and
// rewritten.

// stdCacheDir is the cache directory, or "" when there is none.
var stdCacheDir = func() string {
	if os.Getenv("GRPCAUTHLINT_SRCLOAD_CACHE") == "off" {
		return ""
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(base, "grpcauthlint-test", "srcload")
}()

// stdKeys holds the cache key of each standard package loaded.
var stdKeys = map[string]string{"unsafe": "unsafe"}

// cacheKey computes the key of the standard package in dir, whose
// imports (resolved) must be loaded already; ok is false when a
// dependency has no key (it was not cached) or dir cannot be read.
func (l *Loader) cacheKey(pkgPath, dir string, bp *build.Package, deps []string) (string, bool) {
	h := sha256.New()
	fmt.Fprintf(h, "srcload std v1\n%s %s/%s\n%q\n%q\n%s\n", runtime.Version(), l.ctxt.GOOS, l.ctxt.GOARCH, l.ctxt.ToolTags, l.ctxt.ReleaseTags, pkgPath)
	for _, f := range bp.GoFiles {
		fi, err := os.Stat(filepath.Join(dir, f))
		if err != nil {
			return "", false
		}
		fmt.Fprintf(h, "%s %d %d\n", f, fi.Size(), fi.ModTime().UnixNano())
	}
	for _, d := range deps {
		k, ok := stdKeys[d]
		if !ok {
			return "", false
		}
		fmt.Fprintf(h, "dep %s %s\n", d, k)
	}
	return hex.EncodeToString(h.Sum(nil)), true
}

// stdImports lists the files and resolved imports of the standard
// package in dir, loading the imports.
func (l *Loader) stdImports(dir string) (*build.Package, []*packages.Package, error) {
	bp, err := l.ctxt.ImportDir(dir, 0)
	if err != nil {
		return nil, nil, err
	}
	var deps []*packages.Package
	for _, ip := range bp.Imports {
		if ip == "C" {
			continue
		}
		dep, err := l.load(ip, dir)
		if err != nil {
			return nil, nil, err
		}
		deps = append(deps, dep)
	}
	return bp, deps, nil
}

func cacheFile(key string) string { return filepath.Join(stdCacheDir, key[:2], key) }

// loadCached returns the standard package from the cache, or nil.
// Callers hold l.mu (l is std).
func (l *Loader) loadCached(pkgPath, dir string) *packages.Package {
	if stdCacheDir == "" {
		return nil
	}
	bp, deps, err := l.stdImports(dir)
	if err != nil {
		return nil
	}
	var depPaths []string
	for _, d := range deps {
		depPaths = append(depPaths, d.PkgPath)
	}
	key, ok := l.cacheKey(pkgPath, dir, bp, depPaths)
	if !ok {
		return nil
	}
	data, err := os.ReadFile(cacheFile(key))
	if err != nil {
		return nil
	}
	imports := map[string]*types.Package{}
	for path, p := range l.pkgs {
		if p.Types != nil {
			imports[path] = p.Types
		}
	}
	tp, err := gcexportdata.Read(bytes.NewReader(data), l.fset, imports, pkgPath)
	if err != nil || !tp.Complete() {
		return nil
	}
	// As the type checker sets them: the packages imported directly.
	var direct []*types.Package
	p := &packages.Package{
		ID: pkgPath, Name: tp.Name(), PkgPath: pkgPath,
		Types: tp, Fset: l.fset, Syntax: []*ast.File{}, TypesInfo: newInfo(), TypesSizes: l.sizes,
		Imports: map[string]*packages.Package{},
	}
	for i, ip := range nonC(bp.Imports) {
		p.Imports[ip] = deps[i]
		direct = append(direct, deps[i].Types)
		p.IllTyped = p.IllTyped || deps[i].IllTyped
	}
	tp.SetImports(direct)
	for _, f := range bp.GoFiles {
		p.GoFiles = append(p.GoFiles, filepath.Join(dir, f))
	}
	p.CompiledGoFiles = p.GoFiles
	stdKeys[pkgPath] = key
	return p
}

func nonC(imports []string) []string {
	var out []string
	for _, ip := range imports {
		if ip != "C" {
			out = append(out, ip)
		}
	}
	return out
}

// storeCached writes p's export data to the cache, when it loaded
// without errors. Callers hold l.mu (l is std).
func (l *Loader) storeCached(p *packages.Package, dir string) {
	if stdCacheDir == "" || p.IllTyped || len(p.Errors) > 0 {
		return
	}
	bp, deps, err := l.stdImports(dir)
	if err != nil {
		return
	}
	var depPaths []string
	for _, d := range deps {
		depPaths = append(depPaths, d.PkgPath)
	}
	key, ok := l.cacheKey(p.PkgPath, dir, bp, depPaths)
	if !ok {
		return
	}
	stdKeys[p.PkgPath] = key
	var buf bytes.Buffer
	if err := gcexportdata.Write(&buf, l.fset, p.Types); err != nil {
		return
	}
	file := cacheFile(key)
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), strings.ReplaceAll(p.PkgPath, "/", "_")+".tmp*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(buf.Bytes())
	if cerr := tmp.Close(); werr != nil || cerr != nil || os.Rename(tmp.Name(), file) != nil {
		os.Remove(tmp.Name())
	}
}
