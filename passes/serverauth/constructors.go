package serverauth

import (
	"go/ast"
	"go/types"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// Server constructors: functions that build a server with
// grpc.NewServer and return it, for callers (in this package or,
// through serverFact, another) that register services on the result.
// Each path's server is summarized by its options; a returned server
// the pass cannot trace (a parameter, a field, an unknown call) is left
// out, so only the servers it sees are judged.

// serverResult returns the index of sig's first *grpc.Server result,
// or -1.
func serverResult(sig *types.Signature) int {
	for i := 0; i < sig.Results().Len(); i++ {
		if p, ok := types.Unalias(sig.Results().At(i).Type()).(*types.Pointer); ok && lintutil.IsNamed(p.Elem(), grpcapi.GRPC, "Server", false) {
			return i
		}
	}
	return -1
}

// newServerOptions returns the options of a grpc.NewServer call.
func (c *checker) newServerOptions(call *ast.CallExpr) []Opt {
	var opts []Opt
	for _, a := range call.Args {
		opts = append(opts, at(c.optionsOf(a, call.Pos(), 0), a)...)
	}
	return opts
}

// funcServers summarizes the servers fn returns, or nil when it
// returns none the pass can see.
func (c *checker) funcServers(fn *types.Func, depth int) *serverFact {
	fn = fn.Origin()
	if f, done := c.srvMemo[fn]; done {
		return f
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil {
		return nil
	}
	r := serverResult(sig)
	if r < 0 {
		return nil
	}
	decl := c.decls[fn]
	if decl == nil {
		return importedFact[serverFact](c, fn)
	}
	c.srvMemo[fn] = nil // recursion: none
	f := &serverFact{}
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			switch {
			case len(x.Results) == sig.Results().Len():
				f.Servers = append(f.Servers, c.serversOf(x.Results[r], depth+1)...)
			case len(x.Results) == 1:
				if call, ok := ast.Unparen(x.Results[0]).(*ast.CallExpr); ok {
					f.Servers = append(f.Servers, c.callServers(call, r, depth+1)...)
				}
			}
		}
		return true
	})
	if len(f.Servers) == 0 {
		f = nil
	}
	c.srvMemo[fn] = f
	return f
}

// serversOf returns the servers expression e may hold.
func (c *checker) serversOf(e ast.Expr, depth int) [][]Opt {
	if depth > 4 {
		return nil
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return c.callServers(x, -1, depth)
	case *ast.Ident:
		v := c.varOf(x)
		if v == nil || isPkgVar(v) || v.Pkg() != c.pass.Pkg || !c.definedHere(v) {
			return nil
		}
		rhs, idx, ok := c.singleValue(v)
		if !ok {
			return nil
		}
		if idx < 0 {
			return c.serversOf(rhs, depth+1)
		}
		if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok {
			return c.callServers(call, idx, depth+1)
		}
	}
	return nil
}

// callServers returns the servers call returns (result idx of a tuple,
// or -1 for a single value).
func (c *checker) callServers(call *ast.CallExpr, idx int, depth int) [][]Opt {
	fn := lintutil.Callee(c.info, call)
	if fn == nil {
		return nil
	}
	if lintutil.FuncKey(fn) == newServer {
		if idx >= 0 {
			return nil
		}
		return [][]Opt{c.newServerOptions(call)}
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil {
		return nil
	}
	if r := serverResult(sig); r < 0 || (idx >= 0 && idx != r) || (idx < 0 && sig.Results().Len() != 1) {
		return nil
	}
	f := c.funcServers(fn, depth)
	if f == nil {
		return nil
	}
	out := make([][]Opt, len(f.Servers))
	for i, opts := range f.Servers {
		out[i] = at(opts, call)
	}
	return out
}
