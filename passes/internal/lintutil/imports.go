package lintutil

import "go/types"

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
	seen := make(map[*types.Package]bool)
	stack := []*types.Package{pkg}
	for len(stack) > 0 {
		p := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if p == nil || seen[p] {
			continue
		}
		seen[p] = true
		if want[PkgPath(p)] {
			return true
		}
		stack = append(stack, p.Imports()...)
	}
	return false
}
