package serverauth

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// Where a Connect handler goes. The http.Handler that NewXHandler
// returns is followed through local variables, ServeMux registrations
// and the wrappers below, which hand every request on untouched, to a
// server: net/http's Serve functions or an http.Server's Handler. Any
// other use (a wrapper the analyzer cannot see into, which may be auth
// middleware such as connectrpc.com/authn; a return; a field; a
// package's DefaultServeMux) keeps the rule silent.

const (
	muxHandle     = "(*net/http.ServeMux).Handle"
	serverHandler = "net/http.Server.Handler"
)

// httpServe serve the handler argument at the index.
var httpServe = map[string]int{
	"net/http.ListenAndServe":    1,
	"net/http.ListenAndServeTLS": 3,
	"net/http.Serve":             1,
	"net/http.ServeTLS":          1,
}

// httpPassOn return a handler that passes every request to their
// handler argument at the index, without authenticating.
var httpPassOn = map[string]int{
	"golang.org/x/net/http2/h2c.NewHandler": 0,
	"net/http.StripPrefix":                  1,
	"net/http.TimeoutHandler":               0,
	"net/http.MaxBytesHandler":              0,
}

// handlerServed reports whether the handler value of the expression at
// cur reaches a server through steps the analyzer knows pass requests
// on untouched, and goes nowhere else.
func (c *checker) handlerServed(cur inspector.Cursor, depth int) bool {
	if depth > 8 {
		return false
	}
	e := cur.Node()
	parent := cur.Parent()
	switch p := parent.Node().(type) {
	case *ast.ParenExpr:
		return c.handlerServed(parent, depth+1)
	case *ast.CallExpr:
		fn := lintutil.Callee(c.info, p)
		if fn == nil {
			return false
		}
		key := lintutil.FuncKey(fn)
		arg := -1
		for i, a := range p.Args {
			if a == e {
				arg = i
			}
		}
		if key == muxHandle && (arg == 1 || arg == 0 && len(p.Args) == 1) {
			// mux.Handle(path, h), mux.Handle(pb.NewXHandler(...))
			if sel, ok := ast.Unparen(p.Fun).(*ast.SelectorExpr); ok {
				return c.localHandlerServed(c.varOf(sel.X), depth+1)
			}
			return false
		}
		if i, ok := httpServe[key]; ok && i == arg {
			return true
		}
		if i, ok := httpPassOn[key]; ok && i == arg {
			return c.handlerServed(parent, depth+1)
		}
	case *ast.KeyValueExpr:
		if p.Value != e {
			return false
		}
		if id, ok := p.Key.(*ast.Ident); ok && id.Name == "Handler" {
			lit, _ := parent.Parent().Node().(*ast.CompositeLit)
			return lit != nil && lintutil.IsNamed(c.info.TypeOf(lit), "net/http", "Server", true)
		}
	case *ast.AssignStmt:
		switch {
		case len(p.Lhs) == len(p.Rhs):
			for i, r := range p.Rhs {
				if r == e {
					return c.assignedServed(p.Lhs[i], depth)
				}
			}
		case len(p.Rhs) == 1 && p.Rhs[0] == e && len(p.Lhs) == 2:
			return c.assignedServed(p.Lhs[1], depth) // path, h := pb.NewXHandler(...)
		}
	case *ast.ValueSpec:
		switch {
		case len(p.Names) == len(p.Values):
			for i, v := range p.Values {
				if v == e {
					return c.localHandlerServed(c.varOf(p.Names[i]), depth+1)
				}
			}
		case len(p.Values) == 1 && p.Values[0] == e && len(p.Names) == 2:
			return c.localHandlerServed(c.varOf(p.Names[1]), depth+1)
		}
	}
	return false
}

// assignedServed follows a handler assigned to lhs.
func (c *checker) assignedServed(lhs ast.Expr, depth int) bool {
	if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok {
		return lintutil.FieldKey(c.info.Selections[sel]) == serverHandler
	}
	return c.localHandlerServed(c.varOf(lhs), depth+1)
}

// localHandlerServed reports whether the handler (or mux) in the local
// variable v, given one value, is served, and every use of it is one the
// analyzer follows: mux.Handle and mux.HandleFunc on it, and steps
// handlerServed knows.
func (c *checker) localHandlerServed(v *types.Var, depth int) bool {
	if v == nil || isPkgVar(v) || v.Pkg() != c.pass.Pkg || !c.definedHere(v) || depth > 8 {
		return false
	}
	if _, _, ok := c.singleValue(v); !ok {
		return false
	}
	served := false
	for cur := range c.insp.Root().Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if c.info.Uses[id] != v {
			continue
		}
		if sel, ok := cur.Parent().Node().(*ast.SelectorExpr); ok && sel.X == id {
			if _, isCall := cur.Parent().Parent().Node().(*ast.CallExpr); isCall && (sel.Sel.Name == "Handle" || sel.Sel.Name == "HandleFunc") {
				continue // registers on the mux
			}
			return false
		}
		if !c.handlerServed(cur, depth+1) {
			return false
		}
		served = true
	}
	return served
}
