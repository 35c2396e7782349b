package flow_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/flow"
)

// taint is a may-analysis for the tests: the set of variables that may
// hold the result of taint() at a point; use() records it.
type taint struct {
	info *types.Info
	fset *token.FileSet
	w    *flow.Walker[map[string]bool]
	got  map[int]string // by line of use()
}

func (d *taint) Copy(s map[string]bool) map[string]bool { return maps.Clone(s) }

func (d *taint) Join(pre map[string]bool, outs []map[string]bool) map[string]bool {
	clear(pre)
	for _, o := range outs {
		maps.Copy(pre, o)
	}
	return pre
}

func (d *taint) Branch(map[string]bool, flow.Cond) {}

func (d *taint) Eval(s map[string]bool, e ast.Expr, _ flow.Use) {
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			d.w.Body(n.Body, maps.Clone(s))
			return false
		case *ast.CallExpr:
			if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "use" {
				line := d.fset.Position(n.Pos()).Line
				d.got[line] = strings.Join(slices.Sorted(maps.Keys(s)), " ")
			}
		}
		return true
	})
}

func (d *taint) Assign(s map[string]bool, a flow.Assignment) {
	for _, e := range a.Rhs {
		d.Eval(s, e, flow.UseValue)
	}
	for i, l := range a.Lhs {
		id, ok := l.(*ast.Ident)
		if !ok {
			continue
		}
		tainted := false
		if i < len(a.Rhs) && a.Tok != token.RANGE {
			if call, ok := a.Rhs[i].(*ast.CallExpr); ok {
				tainted = types.ExprString(call.Fun) == "taint"
			}
		}
		if tainted {
			s[id.Name] = true
		} else {
			delete(s, id.Name)
		}
	}
}

func (d *taint) Return(s map[string]bool, r *ast.ReturnStmt) {
	for _, e := range r.Results {
		d.Eval(s, e, flow.UseValue)
	}
}

const src = `package p

import "os"

func taint() int { return 1 }
func clean() int { return 0 }
func use()       {}
func Fatalf(string, ...any) {}

func ifElse(c bool) {
	var a, b int
	if c {
		a = taint()
	} else {
		b = taint()
	}
	use() // want "a b"
	_, _ = a, b
}

func returns(c bool) {
	a := clean()
	if c {
		a = taint()
		return
	}
	use() // want ""
	if c {
		a = taint()
		os.Exit(1)
	}
	use() // want ""
	if c {
		a = taint()
		Fatalf("x")
	}
	use() // want ""
	if c {
		a = taint()
		panic(a)
	}
	use() // want ""
	if c {
		return
	} else {
		os.Exit(2)
	}
	use() // unreached
}

func loops(c bool, xs []int) {
	a, b := clean(), clean()
	for {
		a = taint()
		if c {
			break
		}
		a = clean()
	}
	use() // want "a"
	for c {
		b = taint()
		if c {
			continue
		}
		b = clean()
	}
	use() // want "a b"
	a, b = clean(), clean()
outer:
	for c {
		for range xs {
			a = taint()
			break outer
		}
		a = clean()
	}
	use() // want "a"
	for i := 0; i < 3; i++ {
		if c {
			continue
		}
		b = taint()
	}
	use() // want "a b"
	a, b = clean(), clean()
	for a = range xs {
		use() // want ""
	}
	for {
		a = taint()
	}
	use() // unreached
}

func jumps(c bool) {
	a := clean()
	if c {
		a = taint()
		goto done
	}
	use() // want ""
done:
	use() // want "a"
	a = clean()
	switch {
	case c:
		a = taint()
		fallthrough
	case !c:
		use() // want "a"
		a = clean()
	}
	use() // want ""
	switch {
	case c:
		return
	default:
		a = clean()
		Fatalf("y")
	}
	use() // unreached
}

func selects(c chan int) {
	a := clean()
	select {
	case <-c:
		a = taint()
	case c <- 1:
		return
	}
	use() // want "a"
	f := func() {
		use() // want "a"
	}
	f()
	select {}
	use() // unreached
}
`

func TestWalk(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	osPkg := types.NewPackage("os", "os")
	exit := types.NewFunc(token.NoPos, osPkg, "Exit", types.NewSignatureType(nil, nil, nil, types.NewTuple(types.NewParam(token.NoPos, osPkg, "code", types.Typ[types.Int])), nil, false))
	osPkg.Scope().Insert(exit)
	osPkg.MarkComplete()
	conf := types.Config{Error: func(err error) {
		if !err.(types.Error).Soft {
			t.Error(err)
		}
	}, Importer: importerFunc(func(path string) (*types.Package, error) {
		if path == "os" {
			return osPkg, nil
		}
		return importer.Default().Import(path)
	})}
	conf.Check("p", fset, []*ast.File{f}, info) // soft errors (unused variables) are fine
	d := &taint{info: info, fset: fset, got: map[int]string{}}
	d.w = &flow.Walker[map[string]bool]{Info: info, Domain: d}
	for _, decl := range f.Decls {
		if fd, ok := decl.(*ast.FuncDecl); ok {
			d.w.Body(fd.Body, map[string]bool{})
		}
	}
	want := regexp.MustCompile(`// want "(.*)"`)
	n := 0
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			line := fset.Position(c.Pos()).Line
			got, reached := d.got[line]
			switch m := want.FindStringSubmatch(c.Text); {
			case m != nil:
				n++
				if !reached {
					t.Errorf("line %d: use() not reached, want %q", line, m[1])
				} else if got != m[1] {
					t.Errorf("line %d: tainted %q, want %q", line, got, m[1])
				}
			case c.Text == "// unreached":
				n++
				if reached {
					t.Errorf("line %d: use() reached with %q, want unreached", line, got)
				}
			}
		}
	}
	if n < 20 {
		t.Errorf("%d expectations checked", n)
	}
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
