package lintutil

import (
	"fmt"
	"go/constant"
	"go/types"
	"sync/atomic"
)

// Reaches reports whether pkg can see any of the packages paths (vendor
// prefixes ignored): pkg itself, its imports, or any package those
// imports' type information refers to.
//
// This is the passes' fast path. A direct-import test is not enough: a
// value of type metadata.MD or oauth2.Token can reach a package through
// another package's helper without an import. Imports() of a package
// loaded from export data lists every package its export data refers
// to, and of a package loaded from source its direct imports, so a walk
// over Imports() covers every package type checking used. The walk is
// linear in the size of the import graph, touches no syntax, and is
// shared by the passes of a package.
func Reaches(pkg *types.Package, paths ...string) bool {
	seen := visible(pkg)
	for _, p := range paths {
		if seen[p] != nil {
			return true
		}
	}
	return false
}

// FindPackage returns the package path (vendor prefixes ignored) as
// pkg's type information sees it, or nil, searching as Reaches does.
func FindPackage(pkg *types.Package, path string) *types.Package {
	return visible(pkg)[path]
}

// visibleSet is the result of visible for one package.
type visibleSet struct {
	pkg   *types.Package
	paths map[string]*types.Package
}

// lastVisible keeps the last package's set: every pass asks about the
// package it runs on, so they share one walk.
var lastVisible atomic.Pointer[visibleSet]

// visible returns the packages pkg can see by path (vendor prefixes
// ignored; the first found, depth first, for a path seen twice).
func visible(pkg *types.Package) map[string]*types.Package {
	if s := lastVisible.Load(); s != nil && s.pkg == pkg {
		return s.paths
	}
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
	lastVisible.Store(&visibleSet{pkg, paths})
	return paths
}

// GRPCVersion returns the major and minor version of the grpc-go module
// pkg is built against, read from the constant google.golang.org/grpc.Version,
// or ok=false when pkg cannot see that package.
func GRPCVersion(pkg *types.Package) (major, minor int, ok bool) {
	grpc := FindPackage(pkg, "google.golang.org/grpc")
	if grpc == nil {
		return 0, 0, false
	}
	c, isConst := grpc.Scope().Lookup("Version").(*types.Const)
	if !isConst || c.Val().Kind() != constant.String {
		return 0, 0, false
	}
	if _, err := fmt.Sscanf(constant.StringVal(c.Val()), "%d.%d", &major, &minor); err != nil {
		return 0, 0, false
	}
	return major, minor, true
}
