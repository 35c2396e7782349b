package tokenrefresh

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// scan records local variable uses, and the functions and
// types that are caches or refresh loops: those that check a token's
// validity or expiry or schedule work, the functions they call, and the
// package variables they use.
func (c *checker) scan(root inspector.Cursor) {
	for _, cs := range c.calls {
		if a, ok := lookup(cs.fn, roleValidity|roleExpiryCheck|roleRefreshLoop); ok {
			c.markGuarded(cs.cur, a.role != roleRefreshLoop)
		}
	}
	pkgVarUses := make(map[*ast.FuncDecl][]*types.Var)
	for cur := range root.Preorder((*ast.Ident)(nil), (*ast.SelectorExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.SelectorExpr:
			if isField(c.info.Selections[n], roleExpiryField) {
				c.markGuarded(cur, true)
			}
		case *ast.Ident:
			v, ok := c.info.Uses[n].(*types.Var)
			if !ok || v.IsField() {
				break
			}
			if isPkgVar(v) {
				if d := lintutil.EnclosingFuncDecl(cur); d != nil {
					pkgVarUses[d] = append(pkgVarUses[d], v)
				}
				break
			}
			if k, _ := cur.ParentEdge(); k == edge.AssignStmt_Lhs || k == edge.IncDecStmt_X {
				break // a write: the write index has it
			}
			c.uses[v] = append(c.uses[v], cur)
		}
	}
	// A function a cache or refresh loop calls is part of it.
	c.decls = make(map[*types.Func]*ast.FuncDecl)
	for cur := range root.Preorder((*ast.FuncDecl)(nil)) {
		d := cur.Node().(*ast.FuncDecl)
		if obj, ok := c.info.Defs[d.Name].(*types.Func); ok {
			c.decls[obj] = d
		}
	}
	decls := c.decls
	calls := make(map[*ast.FuncDecl][]*ast.FuncDecl) // caller -> callees in this package
	for fn, sites := range c.callers {
		callee := decls[fn]
		if callee == nil {
			continue
		}
		for _, i := range sites {
			if caller := lintutil.EnclosingFuncDecl(c.calls[i].cur); caller != nil {
				calls[caller] = append(calls[caller], callee)
			}
		}
	}
	var work []*ast.FuncDecl
	for d := range c.guarded {
		work = append(work, d)
	}
	for len(work) > 0 {
		d := work[len(work)-1]
		work = work[:len(work)-1]
		for _, callee := range calls[d] {
			if !c.guarded[callee] {
				c.guarded[callee] = true
				work = append(work, callee)
			}
		}
	}
	for d := range c.guarded {
		for _, v := range pkgVarUses[d] {
			c.gvars[v] = true
		}
	}
}

// markGuarded marks the function holding cur as a cache or refresh
// loop, and with typ its receiver type (a cache whose check and fill are
// separate methods).
func (c *checker) markGuarded(cur inspector.Cursor, typ bool) {
	d := lintutil.EnclosingFuncDecl(cur)
	if d == nil {
		return
	}
	c.guarded[d] = true
	if tn := recvTypeName(c.info, d); typ && tn != nil {
		c.gtypes[tn] = true
	}
}

func recvTypeName(info *types.Info, d *ast.FuncDecl) *types.TypeName {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return nil
	}
	t := info.TypeOf(d.Recv.List[0].Type)
	if t == nil {
		return nil
	}
	if n, ok := types.Unalias(lintutil.Deref(t)).(*types.Named); ok {
		return n.Origin().Obj()
	}
	return nil
}

// isRefresher reports whether fn (a *ast.FuncDecl or *ast.FuncLit) is
// where a fetch belongs: GetRequestMetadata of a PerRPCCredentials,
// Token of a TokenSource or TokenProvider, RoundTrip of a RoundTripper,
// or a client interceptor.
func (c *checker) isRefresher(fn ast.Node) bool {
	var sig *types.Signature
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		obj, _ := c.info.Defs[fn.Name].(*types.Func)
		if obj == nil {
			return false
		}
		sig = obj.Type().(*types.Signature)
		if sig.Recv() != nil {
			if _, ok := tokenMethod(obj); ok {
				return true
			}
			if grpcapi.IsPerRPCCredentialsMethod(obj) || obj.Name() == "RoundTrip" && grpcapi.IsRoundTripMethod(sig) {
				return true
			}
		}
	case *ast.FuncLit:
		sig, _ = c.info.TypeOf(fn).(*types.Signature)
	}
	return sig != nil && (grpcapi.ClientInterceptor(sig) != 0 || grpcapi.IsConnectClientCall(sig))
}

// exempt reports whether the fetch at cur is where fetches belong: in a
// refresher, an expiry-aware cache, or a one-shot main.
func (c *checker) exempt(cur inspector.Cursor) bool {
	for e := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if c.isRefresher(e.Node()) {
			return true
		}
	}
	if staticOption(cur) {
		return true
	}
	d := lintutil.EnclosingFuncDecl(cur)
	if d == nil {
		return false
	}
	if c.guarded[d] {
		return true
	}
	if tn := recvTypeName(c.info, d); tn != nil && c.gtypes[tn] {
		return true
	}
	if d.Recv == nil && d.Name.Name == "main" && c.pass.Pkg.Name() == "main" && !longRunning(d) {
		return true
	}
	return false
}

// staticOption reports whether cur is in the then-branch of an if whose
// condition names a static-token option (`if isStaticToken {`): the
// code asked for a token that is not refreshed on purpose.
func staticOption(cur inspector.Cursor) bool {
	for e := range cur.Enclosing((*ast.IfStmt)(nil)) {
		ifs := e.Node().(*ast.IfStmt)
		if !(ifs.Body.Pos() <= cur.Node().Pos() && cur.Node().End() <= ifs.Body.End()) {
			continue
		}
		found := false
		ast.Inspect(ifs.Cond, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && strings.Contains(strings.ToLower(id.Name), "static") {
				found = true
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// longRunning reports whether main serves or loops forever, so what it
// fetches must outlive an hour.
func longRunning(d *ast.FuncDecl) bool {
	found := false
	ast.Inspect(d.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ForStmt:
			if n.Cond == nil {
				found = true
			}
		case *ast.SelectStmt:
			if len(n.Body.List) == 0 {
				found = true
			}
		case *ast.CallExpr:
			var name string
			switch f := ast.Unparen(n.Fun).(type) {
			case *ast.Ident:
				name = f.Name
			case *ast.SelectorExpr:
				name = f.Sel.Name
			}
			switch name {
			case "Serve", "ServeTLS", "ListenAndServe", "ListenAndServeTLS":
				found = true
			}
		}
		return !found
	})
	return found
}
