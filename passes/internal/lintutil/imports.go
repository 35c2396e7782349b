package lintutil

import (
	"fmt"
	"go/constant"
	"go/types"
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
// linear in the size of the import graph and touches no syntax.
func Reaches(pkg *types.Package, paths ...string) bool {
	want := make(map[string]bool, len(paths))
	for _, p := range paths {
		want[p] = true
	}
	return findImport(pkg, func(p *types.Package) bool { return want[PkgPath(p)] }) != nil
}

// FindPackage returns the package path (vendor prefixes ignored) as
// pkg's type information sees it, or nil, searching as Reaches does.
func FindPackage(pkg *types.Package, path string) *types.Package {
	return findImport(pkg, func(p *types.Package) bool { return PkgPath(p) == path })
}

func findImport(pkg *types.Package, match func(*types.Package) bool) *types.Package {
	seen := make(map[*types.Package]bool)
	stack := []*types.Package{pkg}
	for len(stack) > 0 {
		p := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if p == nil || seen[p] {
			continue
		}
		seen[p] = true
		if match(p) {
			return p
		}
		stack = append(stack, p.Imports()...)
	}
	return nil
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
