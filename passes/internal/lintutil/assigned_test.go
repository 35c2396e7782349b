package lintutil_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// TestAssigned: the (lhs, rhs) pairs of assignments, var specs and range
// statements, in source order.
func TestAssigned(t *testing.T) {
	const src = `package p

func f(m map[string]int, g func() (int, int)) {
	a, b := 1, 2
	c, d := g()
	var e, h = g()
	var i, j = 3, 4
	a += 5
	for k, v := range m {
		_, _ = k, v
	}
	for range m {
	}
	x, y, z := 6, 7
	_, _, _, _, _, _, _, _, _, _, _ = a, b, c, d, e, h, i, j, x, y, z
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil && !strings.Contains(err.Error(), "assignment mismatch") {
		t.Fatal(err)
	}
	str := func(e ast.Expr) string { return src[fset.Position(e.Pos()).Offset:fset.Position(e.End()).Offset] }
	var got []string
	ast.Inspect(f, func(n ast.Node) bool {
		lintutil.Assigned(n, func(lhs, rhs ast.Expr) {
			if l := str(lhs); l != "_" {
				got = append(got, l+"="+str(rhs))
			}
		})
		return true
	})
	want := "a=1 b=2 c=g() d=g() e=g() h=g() i=3 j=4 a=5 k=m v=m"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("Assigned pairs:\n got %s\nwant %s", g, want)
	}
}
