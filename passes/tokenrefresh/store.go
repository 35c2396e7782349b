package tokenrefresh

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

func isPkgVar(v *types.Var) bool {
	return v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}

// storeInto follows the access token stored into the value of x (the
// receiver of a setter).
func (f *flow) storeInto(at inspector.Cursor, x ast.Expr, what string) {
	root := lintutil.RootVar(f.c.info, x)
	switch {
	case root == nil:
	case isPkgVar(root):
		f.frozenAt(x, kHolder, "package variable "+root.Name(), f.c.gvars[root])
	case escapingParam(at, root):
		if f.param {
			f.recvStore = true
			return
		}
		guarded := false
		if tn := recvTypeName(f.c.info, f.decl); tn != nil {
			guarded = f.c.gtypes[tn]
		}
		f.frozenAt(x, kHolder, what, guarded)
	default:
		f.local(root, kHolder)
	}
}

// store follows a value of kind k assigned to lhs.
func (f *flow) store(at inspector.Cursor, lhs ast.Expr, k valKind) {
	info := f.c.info
	lhs = ast.Unparen(lhs)
	switch l := lhs.(type) {
	case *ast.Ident:
		v, ok := info.ObjectOf(l).(*types.Var)
		if !ok || l.Name == "_" {
			return
		}
		if isPkgVar(v) {
			f.frozenAt(l, k, "package variable "+v.Name(), f.c.gvars[v])
			return
		}
		if i := f.resultIndex(v); i >= 0 {
			// A named result: returned by a bare return, or not.
			f.returned(f.decl, i, v.Type(), l.Pos(), k)
		}
		f.local(v, k)
	case *ast.SelectorExpr, *ast.IndexExpr, *ast.StarExpr:
		if k == kToken {
			return // a stored *oauth2.Token keeps its refresh token
		}
		if sel, ok := l.(*ast.SelectorExpr); ok && info.Selections[sel] == nil && !lintutil.IsQualified(info, sel) {
			return // not type-checked: unknown
		}
		root := lintutil.RootVar(info, lhs)
		if root == nil {
			return // a field of a call's result: unknown
		}
		if !isPkgVar(root) && !escapingParam(at, root) {
			// A field of a local value: it outlives the call only if
			// the value does, unless the value is a credentials value.
			if name := refresherType(root.Type()); name != "" && k != kFrozen {
				f.record(sink{pos: lhs.Pos(), what: "a " + name + " value"})
				return
			}
			if k == kString {
				k = kHolder
			}
			f.local(root, k)
			return
		}
		if f.param && escapingParam(at, root) {
			if k == kFrozen {
				f.kept = true
			} else {
				f.recvStore = true
			}
			return
		}
		what, guarded := f.describe(lhs)
		if isPkgVar(root) {
			guarded = guarded || f.c.gvars[root]
		}
		f.frozenAt(lhs, k, what, guarded)
	}
}

// frozenAt records that a value of kind k is kept at n.
func (f *flow) frozenAt(n ast.Node, k valKind, what string, guarded bool) {
	switch k {
	case kFrozen:
		f.kept = true
	case kString, kHolder:
		if !guarded {
			f.record(sink{pos: n.Pos(), what: what})
		}
	}
}

// escapingParam reports whether v is the receiver of the method holding
// the store at cur, of a type through which the store reaches the
// caller's value (pointer, map, slice, interface). Stores through other
// parameters are taken to fill the current call's request: silent.
func escapingParam(cur inspector.Cursor, v *types.Var) bool {
	d := lintutil.EnclosingFuncDecl(cur)
	if d == nil || d.Recv == nil || len(d.Recv.List) == 0 || len(d.Recv.List[0].Names) == 0 {
		return false
	}
	if recv := d.Recv.List[0].Names[0]; recv.Pos() != v.Pos() {
		return false
	}
	switch types.Unalias(v.Type()).Underlying().(type) {
	case *types.Struct, *types.Basic, *types.Array:
		return false
	}
	return true
}

// refresherType returns the name of t (or *t) when it is a
// PerRPCCredentials, TokenSource or RoundTripper implementation: a
// token stored in one is sent on every call.
func refresherType(t types.Type) string {
	if t == nil {
		return ""
	}
	n, ok := types.Unalias(lintutil.Deref(t)).(*types.Named)
	if !ok || types.IsInterface(n) {
		return ""
	}
	ptr := types.NewPointer(n)
	switch {
	case grpcapi.IsPerRPCCredentials(ptr):
		return n.Obj().Name() + " PerRPCCredentials"
	case grpcapi.IsTokenSource(ptr):
		return n.Obj().Name() + " token source"
	case isRoundTripper(ptr):
		return n.Obj().Name() + " transport"
	}
	return ""
}

// isRoundTripper reports whether t has a RoundTrip method of
// http.RoundTripper's shape.
func isRoundTripper(t types.Type) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "RoundTrip")
	fn, ok := obj.(*types.Func)
	return ok && grpcapi.IsRoundTripMethod(fn.Type().(*types.Signature))
}

// isProto reports whether t (or *t) is a generated protocol buffer
// message: a response, not a keeper.
func isProto(t types.Type) bool {
	if _, ok := types.Unalias(t).(*types.Pointer); !ok {
		t = types.NewPointer(t)
	}
	ms := types.NewMethodSet(t)
	return ms.Lookup(nil, "ProtoReflect") != nil || ms.Lookup(nil, "ProtoMessage") != nil
}

// describe names a field or element store for the message, and says
// whether its struct type is an expiry-aware cache.
func (f *flow) describe(lhs ast.Expr) (string, bool) {
	info := f.c.info
	switch l := lhs.(type) {
	case *ast.SelectorExpr:
		sel := info.Selections[l]
		if sel == nil {
			if v, ok := info.Uses[l.Sel].(*types.Var); ok {
				return "package variable " + v.Pkg().Name() + "." + v.Name(), f.c.gvars[v]
			}
			return "a variable", false
		}
		if n, ok := types.Unalias(lintutil.Deref(sel.Recv())).(*types.Named); ok {
			tn := n.Origin().Obj()
			return "field " + tn.Name() + "." + l.Sel.Name, f.c.gtypes[tn]
		}
		return "field " + l.Sel.Name, false
	case *ast.IndexExpr:
		inner, guarded := f.describe(ast.Unparen(l.X))
		return "an element of " + inner, guarded
	case *ast.Ident:
		return "variable " + l.Name, false
	}
	return "a value that outlives the call", false
}
