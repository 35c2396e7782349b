package lostmetadata

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// addsFact marks a function that returns a context carrying outgoing
// metadata it added (on some path): a NewOutgoingContext on the context
// it returns drops that metadata, in this package and in the packages
// importing it.
type addsFact struct {
	Result int // index of the context result
}

func (*addsFact) AFact() {}

func (f *addsFact) String() string {
	return fmt.Sprintf("adds outgoing metadata (result %d)", f.Result)
}

// adder returns the name and fact of the function call calls when that
// function adds outgoing metadata to the context it returns.
func (c *checker) adder(call *ast.CallExpr) (string, *addsFact) {
	fn := lintutil.Callee(c.info, call)
	if fn == nil {
		return "", nil
	}
	if f := c.local[fn]; f != nil {
		return lintutil.FuncName(fn, c.pass.Pkg), f
	}
	if fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg {
		return "", nil
	}
	f := new(addsFact)
	if !c.pass.ImportObjectFact(fn, f) {
		return "", nil
	}
	return lintutil.FuncName(fn, c.pass.Pkg), f
}

// findAdders finds the functions of decls that return a context with
// outgoing metadata they added, walking them again while a newly found
// one may make a caller of it one too.
func (c *checker) findAdders(decls []*ast.FuncDecl) {
	for changed := true; changed; {
		changed = false
		for _, d := range decls {
			fn := c.funcOf(d)
			if fn == nil || c.local[fn] != nil {
				continue
			}
			if c.addsMetadata(d, fn) {
				c.local[fn] = &addsFact{Result: ctxResult(fn)}
				changed = true
			}
		}
	}
}

// addsMetadata reports whether a return of decl hands back a context
// that carries outgoing metadata added in the code (not the caller's).
func (c *checker) addsMetadata(decl *ast.FuncDecl, fn *types.Func) bool {
	idx := ctxResult(fn)
	sig := fn.Type().(*types.Signature)
	adds := false
	d := c.newDomain()
	d.onReturn = func(ret *ast.ReturnStmt, st state) {
		var v val
		switch {
		case len(ret.Results) == sig.Results().Len():
			v = d.eval(ret.Results[idx], st)
		case len(ret.Results) == 0:
			// A bare return hands back the named result.
			v = st[sig.Results().At(idx)]
		case len(ret.Results) == 1:
			if call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr); ok {
				if _, f := c.adder(call); f != nil && f.Result == idx {
					v = val{kind: ctxCarries, org: &origin{pos: call.Pos(), by: "?"}}
				}
			}
		}
		if v.kind == ctxCarries && !v.org.caller() {
			adds = true
		}
	}
	d.decl(decl)
	return adds
}
