package lostmetadata

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// walkDecl walks a top-level declaration and reports its
// NewOutgoingContext calls that drop metadata.
func (c *checker) walkDecl(top ast.Node) {
	w := &walker{c: c}
	w.onNew = c.check
	w.decl(top)
}

// check reports call, a NewOutgoingContext(ctx, md), when ctx may carry
// outgoing metadata in state st and md does not include it.
func (c *checker) check(call *ast.CallExpr, st state) {
	if len(call.Args) != 2 || c.r.InTest(call.Pos()) {
		return
	}
	w := &walker{c: c}
	v := w.eval(call.Args[0], st)
	if v.kind != ctxCarries {
		return
	}
	md := call.Args[1]
	if c.untyped(md) || c.md.empty(md) || c.md.includesOld(md) {
		return
	}
	fix, ok := c.appendFix(call)
	remedy := "use metadata.AppendToOutgoingContext"
	if !ok {
		remedy = "send metadata.Join(old, md), old from FromOutgoingContext"
	}
	d := analysis.Diagnostic{Pos: call.Pos(), End: call.End()}
	if v.org.caller() {
		d.Message = "NewOutgoingContext drops the caller's outgoing metadata, authorization included: calls fail UNAUTHENTICATED; " + remedy
	} else {
		line := c.pass.Fset.Position(v.org.pos).Line
		d.Message = fmt.Sprintf("NewOutgoingContext drops the metadata added on line %d by %s: if it holds authorization, calls fail UNAUTHENTICATED; %s", line, v.org.by, remedy)
		d.Related = []analysis.RelatedInformation{{Pos: v.org.pos, Message: "outgoing metadata added here"}}
	}
	if ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	c.r.Report(d)
}

// untyped reports whether e holds a name the type checker could not
// resolve: what it holds cannot be judged.
func (c *checker) untyped(e ast.Expr) bool {
	bad := false
	ast.Inspect(e, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || bad || id.Name == "_" {
			return !bad
		}
		obj := c.info.ObjectOf(id)
		if obj == nil {
			bad = true
		} else if _, isPkg := obj.(*types.PkgName); !isPkg && obj.Type() == types.Typ[types.Invalid] {
			bad = true
		}
		return !bad
	})
	return bad
}
