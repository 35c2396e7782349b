package serverauth

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// The conditions under which options are given, which the
// second-interceptor rule names.

// An optCond is the condition under which an option is given: the
// source text of the branch conditions between the option and the
// options' use ("gss.Auth != nil"), or only the position of the
// innermost one when the text is too long to quote. The zero optCond is
// a condition the pass does not name.
type optCond struct {
	text string    // quoted in messages, or ""
	key  string    // the full text: two conditions are the same when key and at are
	at   token.Pos // the innermost condition
	end  token.Pos
}

func (c optCond) known() bool { return c.at.IsValid() }

// condition names the condition under which the statement at cur runs,
// seen from use: the if conditions (negated for else branches) and
// switch cases between the statement and the innermost block holding
// use. Anything else between them (a loop, a select, a function
// literal, a default case), or a branch that may leave after the
// statement (a return), leaves it unnamed.
func (c *checker) condition(cur inspector.Cursor, use token.Pos) optCond {
	var parts []string    // innermost first
	var at, end token.Pos // the innermost condition
	for b := range cur.Enclosing((*ast.BlockStmt)(nil), (*ast.CaseClause)(nil), (*ast.CommClause)(nil)) {
		n := b.Node()
		if n.Pos() <= use && use < n.End() {
			break
		}
		if c.leavesAfter(n, cur.Node().End()) {
			return optCond{} // the statement may not reach use
		}
		parent := b.Parent().Node()
		switch n := n.(type) {
		case *ast.BlockStmt:
			switch p := parent.(type) {
			case *ast.IfStmt:
				text := types.ExprString(p.Cond)
				if n != p.Body {
					text = lintutil.NotCond(text)
				}
				parts = append(parts, text)
				// else if: the earlier conditions of the chain were false.
				for q := b.Parent(); ; q = q.Parent() {
					outer, ok := q.Parent().Node().(*ast.IfStmt)
					if !ok || outer.Else != q.Node() {
						break
					}
					parts = append(parts, lintutil.NotCond(types.ExprString(outer.Cond)))
				}
				if !at.IsValid() {
					at, end = p.Cond.Pos(), p.Cond.End()
				}
			case *ast.SwitchStmt, *ast.BlockStmt:
				// A switch's body (its case clause was seen), a bare block.
			default:
				return optCond{}
			}
		case *ast.CaseClause:
			sw, ok := b.Parent().Parent().Node().(*ast.SwitchStmt)
			if !ok || len(n.List) == 0 {
				return optCond{}
			}
			alts := make([]string, len(n.List))
			for i, e := range n.List {
				alts[i] = types.ExprString(e)
				if sw.Tag != nil {
					alts[i] = types.ExprString(sw.Tag) + " == " + alts[i]
				}
			}
			parts = append(parts, strings.Join(alts, " || "))
			if !at.IsValid() {
				at, end = n.List[0].Pos(), n.List[len(n.List)-1].End()
			}
		default:
			return optCond{}
		}
	}
	if len(parts) == 0 {
		return optCond{}
	}
	slices.Reverse(parts)
	key := lintutil.AndCond(parts...)
	text := key
	if len(text) > lintutil.MaxCondText {
		text = ""
	}
	return optCond{text: text, key: key, at: at, end: end}
}

// leavesAfter reports whether block n may leave, after pos, the path
// to the code that follows it: a return, a break, continue or goto, or
// a call of panic. An exit before pos (an error return) only narrows
// the condition.
func (c *checker) leavesAfter(n ast.Node, pos token.Pos) bool {
	leaves := false
	ast.Inspect(n, func(m ast.Node) bool {
		switch x := m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt, *ast.BranchStmt:
			leaves = leaves || m.Pos() >= pos
		case *ast.CallExpr:
			if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && m.Pos() >= pos {
				if b, ok := c.info.Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
					leaves = true
				}
			}
		}
		return !leaves
	})
	return leaves
}
