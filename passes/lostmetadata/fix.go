package lostmetadata

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// appendFix returns the fix rewriting NewOutgoingContext(ctx, md) to
// AppendToOutgoingContext(ctx, k, v, ...), when md is written in the
// call with a shape known at compile time: Pairs(k, v, ...) without a
// spread argument, an MD literal whose values are string-list literals,
// or New of a map literal.
//
// The edits are small and leave the keys and values in place, with the
// comments between them: the metadatakey pass may fix a key in the same
// run, and edits of two passes must not overlap.
func (c *checker) appendFix(call *ast.CallExpr) (analysis.SuggestedFix, bool) {
	var name *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		name = f.Sel
	case *ast.Ident: // dot import
		name = f
	default:
		return analysis.SuggestedFix{}, false
	}
	edits, ok := c.flatten(call.Args[1])
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	edits = append([]analysis.TextEdit{{Pos: name.Pos(), End: name.End(), NewText: []byte("AppendToOutgoingContext")}}, edits...)
	return analysis.SuggestedFix{Message: "Use metadata.AppendToOutgoingContext", TextEdits: edits}, true
}

func edit(pos, end token.Pos, text string) analysis.TextEdit {
	return analysis.TextEdit{Pos: pos, End: end, NewText: []byte(text)}
}

// flatten returns the edits that turn md into the key/value list it
// spells, or false.
func (c *checker) flatten(md ast.Expr) ([]analysis.TextEdit, bool) {
	switch e := md.(type) {
	case *ast.CallExpr:
		switch c.calleeKey(e) {
		case mdPairs:
			if e.Ellipsis.IsValid() || len(e.Args) == 0 || len(e.Args)%2 != 0 {
				return nil, false
			}
			return []analysis.TextEdit{edit(e.Pos(), e.Lparen+1, ""), edit(e.Rparen, e.Rparen+1, "")}, true
		case mdNew:
			if len(e.Args) != 1 || e.Ellipsis.IsValid() {
				return nil, false
			}
			lit, ok := e.Args[0].(*ast.CompositeLit)
			if !ok || len(lit.Elts) == 0 {
				return nil, false
			}
			edits := []analysis.TextEdit{edit(e.Pos(), lit.Lbrace+1, "")}
			for _, el := range lit.Elts {
				pair, ok := el.(*ast.KeyValueExpr)
				if !ok {
					return nil, false
				}
				edits = append(edits, edit(pair.Key.End(), pair.Value.Pos(), ", "))
			}
			return append(edits, edit(lit.Rbrace, e.Rparen+1, "")), true
		}
	case *ast.CompositeLit:
		if !lintutil.IsNamed(c.info.TypeOf(e), grpcapi.Metadata, "MD", false) || len(e.Elts) == 0 {
			return nil, false
		}
		edits := []analysis.TextEdit{edit(e.Pos(), e.Lbrace+1, "")}
		for _, el := range e.Elts {
			pair, ok := el.(*ast.KeyValueExpr)
			if !ok {
				return nil, false
			}
			vals, ok := pair.Value.(*ast.CompositeLit)
			if !ok || len(vals.Elts) == 0 {
				return nil, false
			}
			for _, v := range vals.Elts {
				if _, isKV := v.(*ast.KeyValueExpr); isKV || !isStringExpr(c.info, v) {
					return nil, false
				}
			}
			edits = append(edits, edit(pair.Key.End(), vals.Lbrace+1, ", "))
			if len(vals.Elts) > 1 {
				// The key is written again before each further value:
				// only a constant can be.
				if _, isConst := lintutil.ConstString(c.info, pair.Key); !isConst {
					return nil, false
				}
				var buf bytes.Buffer
				if err := format.Node(&buf, c.pass.Fset, pair.Key); err != nil {
					return nil, false
				}
				for _, v := range vals.Elts[1:] {
					edits = append(edits, edit(v.Pos(), v.Pos(), buf.String()+", "))
				}
			}
			// Drop the list's closing brace (and a trailing comma in it).
			edits = append(edits, edit(vals.Elts[len(vals.Elts)-1].End(), vals.Rbrace+1, ""))
		}
		return append(edits, edit(e.Rbrace, e.Rbrace+1, "")), true
	}
	return nil, false
}

func isStringExpr(info *types.Info, e ast.Expr) bool {
	t := info.TypeOf(e)
	return t != nil && grpcapi.IsString(t)
}
