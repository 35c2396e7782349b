package metadatakey

import (
	"fmt"
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// constFixer decides the one suggested fix of a case finding: lowercase
// a literal in place, or an unexported constant of the same file whose
// every use is a metadata key position, at its declaration.
type constFixer struct {
	pass     *analysis.Pass
	keyUses  map[*types.Const]int // uses of the constant as a key
	allUses  map[*types.Const]int // all uses of the constant
	fixedYet map[*types.Const]bool
}

func newConstFixer(pass *analysis.Pass, sites []*site) *constFixer {
	f := &constFixer{pass: pass, keyUses: map[*types.Const]int{}, fixedYet: map[*types.Const]bool{}}
	for _, s := range sites {
		if k := f.localConst(s.key); k != nil {
			f.keyUses[k]++
		}
	}
	if len(f.keyUses) > 0 {
		f.allUses = map[*types.Const]int{}
		for _, obj := range pass.TypesInfo.Uses {
			if k, ok := obj.(*types.Const); ok && f.keyUses[k] > 0 {
				f.allUses[k]++
			}
		}
	}
	return f
}

// localConst returns the unexported package-level or local constant e
// names, if e is an identifier of one declared in this package.
func (f *constFixer) localConst(e ast.Expr) *types.Const {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	k, ok := f.pass.TypesInfo.Uses[id].(*types.Const)
	if !ok || k.Pkg() != f.pass.Pkg || k.Exported() {
		return nil
	}
	return k
}

func (f *constFixer) fix(key ast.Expr, lower string) (analysis.SuggestedFix, bool) {
	if lit, ok := lintutil.StringLit(key); ok {
		return analysis.SuggestedFix{
			Message:   fmt.Sprintf("lowercase the key to %q", lower),
			TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(quoteLike(lit.Value, lower))}},
		}, true
	}
	k := f.localConst(key)
	if k == nil || f.fixedYet[k] || f.keyUses[k] != f.allUses[k] {
		return analysis.SuggestedFix{}, false
	}
	// Same file, declared as a single string literal.
	if f.pass.Fset.File(k.Pos()) != f.pass.Fset.File(key.Pos()) {
		return analysis.SuggestedFix{}, false
	}
	lit := f.declLiteral(k)
	if lit == nil {
		return analysis.SuggestedFix{}, false
	}
	f.fixedYet[k] = true
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("lowercase constant %s to %q at its declaration (it is used only as a metadata key)", k.Name(), lower),
		TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(quoteLike(lit.Value, lower))}},
	}, true
}

// declLiteral returns the string literal that declares k, if k is
// declared as `name = "literal"` (or typed) in a ValueSpec.
func (f *constFixer) declLiteral(k *types.Const) *ast.BasicLit {
	for _, file := range f.pass.Files {
		if file.Pos() > k.Pos() || k.Pos() > file.End() {
			continue
		}
		var found *ast.BasicLit
		ast.Inspect(file, func(n ast.Node) bool {
			if found != nil {
				return false
			}
			vs, ok := n.(*ast.ValueSpec)
			if !ok {
				return true
			}
			for i, id := range vs.Names {
				if id.Pos() == k.Pos() && i < len(vs.Values) {
					if lit, ok := lintutil.StringLit(vs.Values[i]); ok {
						found = lit
					}
				}
			}
			return false
		})
		return found
	}
	return nil
}

// quoteLike writes s as a Go literal in the style of orig (raw or
// interpreted).
func quoteLike(orig, s string) string {
	if strings.HasPrefix(orig, "`") && !strings.Contains(s, "`") {
		return "`" + s + "`"
	}
	return strconv.Quote(s)
}
