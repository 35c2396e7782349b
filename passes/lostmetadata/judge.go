package lostmetadata

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// What the rules share: a NewOutgoingContext site drops metadata when
// its context may carry some and its md does not include it; the
// remedy, and the fix where the md is written in the call.

// drops reports whether the site replaces metadata its context may
// carry with an md that does not include it.
func (c *checker) drops(s replaceSite) bool {
	if s.ctx.kind != ctxCarries || c.r.InTest(s.call.Pos()) {
		return false
	}
	md := s.call.Args[1]
	return !c.untyped(md) && !c.md.empty(md) && !c.md.includesOld(md)
}

// report reports the site s under rule, once (the dedupe key is the
// rule and the call's position), with message msg and the remedy after
// it: the fix when md is written in the call, Join otherwise.
func (c *checker) report(rule string, s replaceSite, msg string, related []analysis.RelatedInformation) {
	key := rule + "@" + c.pass.Fset.Position(s.call.Pos()).String()
	if c.reported[key] {
		return
	}
	c.reported[key] = true
	fix, ok := c.appendFix(s.call)
	remedy := "use metadata.AppendToOutgoingContext"
	if !ok {
		remedy = "send metadata.Join(old, md), old from FromOutgoingContext"
	}
	d := analysis.Diagnostic{Pos: s.call.Pos(), End: s.call.End(), Message: msg + "; " + remedy, Related: related}
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
