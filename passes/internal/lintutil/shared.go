package lintutil

import (
	"go/ast"
	"go/build"
	"go/types"
	"path/filepath"
	"reflect"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// Shared is the per-package work the passes of one package share,
// computed on first use: the AST inspector, the set of packages the
// package can see (the fast path), and the files' directives and
// generated status (the Reporter). Every pass requires it and reads it
// through Inspector, Reaches and NewReporter. Being an analyzer result,
// it lives exactly as long as the package's analysis, in every driver.
//
// Passes ask for the inspector after their fast path, so a package that
// cannot reach the APIs never has its syntax walked. That matters for
// the fact-using passes, which go vet runs on every dependency (the
// standard library included) when the tool is new to its cache.
var Shared = &analysis.Analyzer{
	Name:             "grpcauthlintshared",
	Doc:              "per-package state shared by the grpcauthlint passes, built on first use",
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[*Package](),
	Run: func(pass *analysis.Pass) (any, error) {
		return NewPackage(pass), nil
	},
}

// Package is the result of Shared for one package.
type Package struct {
	inspector func() *inspector.Inspector
	visible   func() map[string]*types.Package
	files     func() *fileInfo
	factsOnly bool // set before any pass runs: see FactsOnly

	mu   sync.Mutex
	memo map[any]func() any // Memo's values, by key
}

// NewPackage returns the lazily computed shared state of pass's
// package. Drivers get it from Shared; tests may build their own.
func NewPackage(pass *analysis.Pass) *Package {
	return &Package{
		inspector: sync.OnceValue(func() *inspector.Inspector { return inspector.New(pass.Files) }),
		visible:   sync.OnceValue(func() map[string]*types.Package { return Visible(pass.Pkg) }),
		files:     sync.OnceValue(func() *fileInfo { return scanFiles(pass) }),
	}
}

// NewPackageWithInspector is NewPackage with the inspector built by
// build; tests use it to see whether a pass asks for the inspector.
func NewPackageWithInspector(pass *analysis.Pass, build func() *inspector.Inspector) *Package {
	p := NewPackage(pass)
	p.inspector = sync.OnceValue(build)
	return p
}

func shared(pass *analysis.Pass) *Package {
	return pass.ResultOf[Shared].(*Package)
}

// Inspector returns the inspector of pass's package, building it on
// first use; pass's analyzer must require Shared.
func Inspector(pass *analysis.Pass) *inspector.Inspector {
	return shared(pass).inspector()
}

// Memo returns the value build computes for key in pass's package,
// calling build on first use only: the passes of one package share it
// (analyzers of a package may run concurrently). key identifies the
// value across passes; a package-level pointer of the package that
// owns the value (flow's write index uses its own) cannot collide.
// build must not ask for the value of the same key.
func Memo[T any](pass *analysis.Pass, key any, build func() T) T {
	p := shared(pass)
	p.mu.Lock()
	get := p.memo[key]
	if get == nil {
		get = sync.OnceValue(func() any { return build() })
		if p.memo == nil {
			p.memo = make(map[any]func() any)
		}
		p.memo[key] = get
	}
	p.mu.Unlock()
	return get().(T)
}

// Reaches reports whether pass's package can see any of the packages
// paths (vendor prefixes ignored); see Visible. It is the passes' fast
// path, and the passes of a package share one walk of the import graph.
func Reaches(pass *analysis.Pass, paths ...string) bool {
	seen := shared(pass).visible()
	for _, p := range paths {
		if seen[p] != nil {
			return true
		}
	}
	return false
}

// FindPackage returns the package path (vendor prefixes ignored) as
// pass's type information sees it, or nil, searching as Reaches does.
func FindPackage(pass *analysis.Pass, path string) *types.Package {
	return shared(pass).visible()[path]
}

// fileInfo is what the Reporter needs of a package's files, scanned
// once for all passes.
type fileInfo struct {
	generated  map[string]bool // file name (//line-adjusted) -> generated
	directives []*ignoreComment
	suspects   []*ast.Comment // comments that may be mis-written directives (directives.go)
}

// ignoreComment is one //grpcauthlint:ignore comment.
type ignoreComment struct {
	file    string // //line-adjusted
	line    int
	comment *ast.Comment
	names   []string
	reason  string
}

func scanFiles(pass *analysis.Pass) *fileInfo {
	fi := &fileInfo{generated: make(map[string]bool)}
	for _, f := range pass.Files {
		// Files, lines and generated status are keyed by the positions
		// diagnostics are reported at: //line-adjusted, so a cgo package,
		// whose files the driver may hand over as cmd/cgo output mapped
		// back to the user's file, is judged as the user's file.
		fname := pass.Fset.Position(f.Package).Filename
		physical := pass.Fset.File(f.Pos()).Name()
		fi.generated[fname] = ast.IsGenerated(f) && fname == physical
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if !strings.HasPrefix(c.Text, IgnorePrefix) {
					if looksLikeIgnore(c.Text) {
						fi.suspects = append(fi.suspects, c)
					}
					continue
				}
				names, reason, ok := ParseIgnore(c.Text)
				if !ok {
					fi.suspects = append(fi.suspects, c)
					continue
				}
				posn := pass.Fset.Position(c.Slash)
				fi.directives = append(fi.directives, &ignoreComment{
					file: posn.Filename, line: posn.Line, comment: c, names: names, reason: reason,
				})
			}
		}
	}
	return fi
}

// Visible returns the packages pkg can see by path (vendor prefixes
// ignored; the first found, depth first, for a path seen twice): pkg
// itself, its imports, and any package those imports' type information
// refers to.
//
// A direct-import test is not enough for the fast path: a value of type
// metadata.MD or oauth2.Token can reach a package through another
// package's helper without an import. Imports() of a package loaded from
// export data lists every package its export data refers to, and of a
// package loaded from source its direct imports, so a walk over
// Imports() covers every package type checking used. The walk is linear
// in the size of the import graph and touches no syntax.
func Visible(pkg *types.Package) map[string]*types.Package {
	paths := make(map[string]*types.Package)
	seen := make(map[*types.Package]bool)
	stack := []*types.Package{pkg}
	for len(stack) > 0 {
		p := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if p == nil || seen[p] {
			continue
		}
		seen[p] = true
		if path := PkgPath(p); paths[path] == nil {
			paths[path] = p
		}
		stack = append(stack, p.Imports()...)
	}
	return paths
}

// InStd reports whether pass's package is part of the standard library:
// its files are in GOROOT/src. No driver says it (unitchecker's unit
// configuration knows it only of the package's imports), and a path
// without a dot is no proof (GOPATH test data has such paths). When
// GOROOT is unknown, or the files lie elsewhere, it is false.
func InStd(pass *analysis.Pass) bool {
	root := gorootSrc()
	if root == "" || len(pass.Files) == 0 {
		return false
	}
	f := pass.Fset.File(pass.Files[0].Pos())
	return f != nil && strings.HasPrefix(filepath.Clean(f.Name()), root)
}

// gorootSrc is GOROOT/src with a trailing separator, or "".
var gorootSrc = sync.OnceValue(func() string {
	if build.Default.GOROOT == "" {
		return ""
	}
	return filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)
})
