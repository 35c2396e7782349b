package flow_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/flow"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

const writesSrc = `package p

type T struct{ f int }

func (ps *T) Set()  { ps.f = 1 }
func (vt T) Get() int { return vt.f }

var pkgOnce = 1     // declared with a value, never written again
var pkgTwice = 1    // assigned in a function
var pkgZero int     // declared without a value, assigned once
var pkgAddr int     // address taken
var pkgElem = []int{1} // an element written

func f(param int) (res int) {
	pkgTwice = 2
	pkgZero = 3
	_ = &pkgAddr
	pkgElem[0] = 2

	once := 1
	defined, err := g()
	_, err = g()
	var zeroThenOne int
	zeroThenOne = 2
	op := 1
	op += 2
	inc := 1
	inc++
	var ranged int
	for ranged = range []int{1} {
	}
	for rangeDefined := range []int{1} {
		_ = rangeDefined
	}
	addr := 1
	p := &addr
	var value T
	value.Set()
	var valueGet T
	_ = valueGet.Get()
	ptr := &T{}
	ptr.Set()
	var field T
	field.f = 2
	captured := 1
	func() { captured = 2 }()
	inner := func() int { local := 1; return local }
	_, _, _, _, _, _, _, _, _, _ = once, defined, err, zeroThenOne, op, inc, p, inner, param, ranged
	_ = captured
	return res
}

func g() (int, error) { return 0, nil }
`

// wantWrites lists, for each variable, its writes' kinds and what the
// predicates answer: single (the value when there is one), once,
// declared, assigned outside its declaration, escapes.
var wantWrites = map[string]string{
	"pkgOnce":      "Decl single=1 once declared",
	"pkgTwice":     "Decl Assign declared assigned",
	"pkgZero":      "Decl Assign single=3 declared assigned",
	"pkgAddr":      "Decl AddrOf declared assigned escapes",
	"pkgElem":      "Decl Assign(part) declared assigned",
	"param":        "Param once",
	"res":          "Param once",
	"ps":           "Param Assign(part) assigned",
	"vt":           "Param once",
	"once":         "Define single=1 once declared",
	"defined":      "Define single=g()[0] once declared",
	"err":          "Define Assign declared assigned",
	"zeroThenOne":  "Decl Assign single=2 declared assigned",
	"op":           "Define OpAssign declared assigned",
	"inc":          "Define IncDec declared assigned",
	"ranged":       "Decl Range declared assigned",
	"rangeDefined": "Range once declared",
	"addr":         "Define AddrOf declared assigned escapes",
	"p":            "Define single=&addr once declared",
	"value":        "Decl PtrCall declared assigned escapes",
	"valueGet":     "Decl once declared",
	"ptr":          "Define single=&T{} once declared",
	"field":        "Decl Assign(part) declared assigned",
	"captured":     "Define Assign(closure) declared assigned escapes",
	"inner":        "Define single=(func() int literal) once declared",
	"local":        "Define single=1 once declared",
}

func TestIndex(t *testing.T) {
	_, f, info, _ := typeCheck(t, writesSrc)
	ix := flow.NewIndex(info, inspector.New([]*ast.File{f}))
	vars := make(map[string]*types.Var)
	for id, obj := range info.Defs {
		if v, ok := obj.(*types.Var); ok && !v.IsField() && id.Name != "_" {
			if vars[id.Name] != nil {
				t.Fatalf("two variables named %s: name them apart", id.Name)
			}
			vars[id.Name] = v
		}
	}
	for name, w := range wantWrites {
		v := vars[name]
		if v == nil {
			t.Errorf("no variable %s", name)
			continue
		}
		if got := describe(ix, v); got != w {
			t.Errorf("%s: got %q, want %q", name, got, w)
		}
	}
}

// typeCheck parses and type-checks the one file src of package p.
func typeCheck(t *testing.T, src string) (*token.FileSet, *ast.File, *types.Info, *types.Package) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	pkg, err := new(types.Config).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	return fset, f, info, pkg
}

func describe(ix *flow.Index, v *types.Var) string {
	var parts []string
	for _, w := range ix.Writes(v) {
		s := kindName[w.Kind]
		var flags []string
		if w.Part {
			flags = append(flags, "part")
		}
		if w.Closure {
			flags = append(flags, "closure")
		}
		if len(flags) > 0 {
			s += "(" + strings.Join(flags, ",") + ")"
		}
		parts = append(parts, s)
	}
	if w, ok := ix.Single(v); ok {
		s := "single=" + types.ExprString(w.Rhs)
		if w.Tuple >= 0 {
			s += fmt.Sprintf("[%d]", w.Tuple)
		}
		parts = append(parts, s)
	}
	for _, p := range []struct {
		name string
		ok   bool
	}{
		{"once", ix.WrittenOnce(v)},
		{"declared", ix.Declared(v)},
		{"assigned", ix.AssignedOutsideDecl(v)},
		{"escapes", ix.Escapes(v)},
	} {
		if p.ok {
			parts = append(parts, p.name)
		}
	}
	return strings.Join(parts, " ")
}

var kindName = map[flow.Kind]string{
	flow.Param: "Param", flow.Decl: "Decl", flow.Define: "Define", flow.Assign: "Assign",
	flow.OpAssign: "OpAssign", flow.IncDec: "IncDec", flow.Range: "Range", flow.AddrOf: "AddrOf", flow.PtrCall: "PtrCall",
}

// TestWriteIndexShared checks that the passes of a package share one
// index, built on first use.
func TestWriteIndexShared(t *testing.T) {
	fset, f, info, pkg := typeCheck(t, "package p\n\nvar v = 1\n")
	pass := &analysis.Pass{Fset: fset, Files: []*ast.File{f}, Pkg: pkg, TypesInfo: info}
	built := 0
	pass.ResultOf = map[*analysis.Analyzer]any{lintutil.Shared: lintutil.NewPackageWithInspector(pass, func() *inspector.Inspector {
		built++
		return inspector.New(pass.Files)
	})}
	a, b := flow.WriteIndex(pass), flow.WriteIndex(pass)
	if a != b || built != 1 {
		t.Errorf("WriteIndex: two indexes (%v) or the inspector built %d times, want one", a != b, built)
	}
	if !a.WrittenOnce(pkg.Scope().Lookup("v").(*types.Var)) {
		t.Errorf("v: not written once")
	}
}
