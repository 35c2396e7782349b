package lintutil

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
)

// Deref returns the element type of t when t (aliases removed) is a
// pointer, and t otherwise.
func Deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// TypeKey returns "pkgpath.Type" (vendor prefixes removed, generic
// types by their origin) for a named type or a pointer to one, or "".
func TypeKey(t types.Type) string {
	n, ok := types.Unalias(Deref(t)).(*types.Named)
	if !ok {
		return ""
	}
	obj := n.Origin().Obj()
	if obj.Pkg() == nil {
		return ""
	}
	return PkgPath(obj.Pkg()) + "." + obj.Name()
}

// FieldKey returns the key of a struct field in an API table,
// "pkgpath.Type.Field", for a selection of a direct field of a named
// struct type (or a pointer to one), or "". A promoted field is keyed by
// the struct that declares it, so its selection here returns "".
func FieldKey(sel *types.Selection) string {
	if sel == nil || sel.Kind() != types.FieldVal || len(sel.Index()) != 1 {
		return ""
	}
	if k := TypeKey(sel.Recv()); k != "" {
		return k + "." + sel.Obj().Name()
	}
	return ""
}

// ShortKey names the function of an API-table key in messages, as
// FuncName does: the package by its last path element, and the
// receiver in parentheses only when it is a pointer:
// "(*golang.org/x/oauth2.Config).Exchange" -> "(*oauth2.Config).Exchange",
// "(google.golang.org/grpc/metadata.MD).Get" -> "metadata.MD.Get",
// "google.golang.org/grpc.SetHeader" -> "grpc.SetHeader".
func ShortKey(k string) string {
	prefix, ptr := "", false
	if strings.HasPrefix(k, "(") {
		k = k[1:]
		if strings.HasPrefix(k, "*") {
			prefix, k, ptr = "(*", k[1:], true
		}
		if !ptr {
			k = strings.Replace(k, ").", ".", 1)
		}
	}
	if i := strings.LastIndex(k, "/"); i >= 0 {
		k = k[i+1:]
	}
	return prefix + k
}

// RootVar returns the variable at the root of a field, index or
// dereference chain (x in x.f[i].g, *x, pkg.V), or nil.
func RootVar(info *types.Info, e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			if info.Selections[x] == nil {
				if !IsQualified(info, x) {
					return nil
				}
				v, _ := info.Uses[x.Sel].(*types.Var)
				return v
			}
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.Ident:
			v, _ := info.ObjectOf(x).(*types.Var)
			return v
		default:
			return nil
		}
	}
}

// IsQualified reports whether sel is a qualified identifier pkg.Name.
func IsQualified(info *types.Info, sel *ast.SelectorExpr) bool {
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return false
	}
	_, ok = info.Uses[id].(*types.PkgName)
	return ok
}

// TopDecl returns the cursor of the top-level declaration that holds
// cur (cur itself when it is one).
func TopDecl(cur inspector.Cursor) inspector.Cursor {
	for {
		p := cur.Parent()
		if _, ok := p.Node().(*ast.File); ok || p.Node() == nil {
			return cur
		}
		cur = p
	}
}

// EnclosingFunc returns the innermost function (*ast.FuncDecl or
// *ast.FuncLit) that holds cur, and its signature, or nils.
func EnclosingFunc(info *types.Info, cur inspector.Cursor) (ast.Node, *types.Signature) {
	for e := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch fn := e.Node().(type) {
		case *ast.FuncDecl:
			obj, _ := info.Defs[fn.Name].(*types.Func)
			if obj == nil {
				return fn, nil
			}
			sig, _ := obj.Type().(*types.Signature)
			return fn, sig
		case *ast.FuncLit:
			sig, _ := info.TypeOf(fn).(*types.Signature)
			return fn, sig
		}
	}
	return nil, nil
}

// EnclosingFuncDecl returns the top-level function declaration that
// holds cur, or nil.
func EnclosingFuncDecl(cur inspector.Cursor) *ast.FuncDecl {
	for e := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		return e.Node().(*ast.FuncDecl)
	}
	return nil
}

// ArgsAtLeast reports whether call has at least n arguments and, for a
// call spread with f(xs...), does not spread before position n: the
// argument positions up to n can be read one by one.
func ArgsAtLeast(call *ast.CallExpr, n int) bool {
	if len(call.Args) < n {
		return false
	}
	return !call.Ellipsis.IsValid() || len(call.Args) > n
}

// Assigned calls assign for each left side n gives a value, paired with
// the expression it comes from: an assignment (any operator) or a var
// spec, one to one, or every left side with the one call of several
// results; the key and value of a range statement with its range
// expression. Other nodes, and absent range keys and values, give none.
func Assigned(n ast.Node, assign func(lhs, rhs ast.Expr)) {
	pair := func(lhs []ast.Expr, rhs []ast.Expr) {
		for i, l := range lhs {
			switch {
			case len(lhs) == len(rhs):
				assign(l, rhs[i])
			case len(rhs) == 1:
				assign(l, rhs[0])
			}
		}
	}
	switch n := n.(type) {
	case *ast.AssignStmt:
		pair(n.Lhs, n.Rhs)
	case *ast.ValueSpec:
		lhs := make([]ast.Expr, len(n.Names))
		for i, id := range n.Names {
			lhs[i] = id
		}
		pair(lhs, n.Values)
	case *ast.RangeStmt:
		for _, l := range []ast.Expr{n.Key, n.Value} {
			if l != nil {
				assign(l, n.X)
			}
		}
	}
}
