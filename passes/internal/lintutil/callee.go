package lintutil

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Callee returns the function or method a call statically invokes,
// resolved to its generic origin, or nil for calls of function values,
// conversions and builtins. Interface methods are returned as the
// abstract method (callers match them through the table).
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

// PkgPath returns the import path of pkg with any GOPATH-style vendor
// prefix removed ("x/vendor/google.golang.org/grpc" -> "google.golang.org/grpc"),
// so API tables match vendored copies.
func PkgPath(pkg *types.Package) string {
	if pkg == nil {
		return ""
	}
	return UnvendorPath(pkg.Path())
}

// UnvendorPath strips everything up to the last "/vendor/" of path.
func UnvendorPath(path string) string {
	if i := strings.LastIndex(path, "/vendor/"); i >= 0 {
		return path[i+len("/vendor/"):]
	}
	return strings.TrimPrefix(path, "vendor/")
}

// FuncKey returns the key of fn in an API table. It is
// types.Func.FullName notation with vendor prefixes removed:
// "google.golang.org/grpc/metadata.Pairs",
// "(google.golang.org/grpc/metadata.MD).Get",
// "(*golang.org/x/oauth2.Config).Exchange".
// Methods of generic types are keyed by their origin with no type
// parameters: "(*example.com/p.Box).Get".
func FuncKey(fn *types.Func) string {
	fn = fn.Origin()
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return PkgPath(fn.Pkg()) + "." + fn.Name()
	}
	recv := types.Unalias(sig.Recv().Type())
	ptr := ""
	if p, ok := recv.(*types.Pointer); ok {
		ptr = "*"
		recv = types.Unalias(p.Elem())
	}
	named, ok := recv.(*types.Named)
	if !ok {
		// Method of an unnamed interface literal: no stable key.
		return ""
	}
	obj := named.Origin().Obj()
	return "(" + ptr + PkgPath(obj.Pkg()) + "." + obj.Name() + ")." + fn.Name()
}

// IsNamed reports whether t (after removing aliases and, when
// allowPtr, one pointer) is the named type path.name, vendor prefixes
// ignored.
func IsNamed(t types.Type, path, name string, allowPtr bool) bool {
	t = types.Unalias(t)
	if allowPtr {
		if p, ok := t.(*types.Pointer); ok {
			t = types.Unalias(p.Elem())
		}
	}
	n, ok := t.(*types.Named)
	if !ok {
		return false
	}
	obj := n.Origin().Obj()
	return obj.Name() == name && PkgPath(obj.Pkg()) == path
}
