package lintutil_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

func TestDeclaredFieldKey(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", `package p
type Inner struct{ Path string }
type Mid struct{ *Inner }
type Outer struct{ Mid; File string }
var o *Outer
var anon struct{ Name string }
var _, _, _, _ = o.File, o.Path, o.Inner, anon.Name
`, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Selections: map[*ast.SelectorExpr]*types.Selection{}}
	if _, err := new(types.Config).Check("example.com/p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for sel, s := range info.Selections {
		got[sel.Sel.Name] = lintutil.DeclaredFieldKey(s)
		if len(s.Index()) == 1 && got[sel.Sel.Name] != lintutil.FieldKey(s) {
			t.Errorf("%s: DeclaredFieldKey %q, FieldKey %q: want equal for a direct field", sel.Sel.Name, got[sel.Sel.Name], lintutil.FieldKey(s))
		}
	}
	for name, want := range map[string]string{
		"File":  "example.com/p.Outer.File",
		"Path":  "example.com/p.Inner.Path",
		"Inner": "example.com/p.Mid.Inner",
		"Name":  "",
	} {
		if got[name] != want {
			t.Errorf("DeclaredFieldKey(%s) = %q, want %q", name, got[name], want)
		}
	}
}
