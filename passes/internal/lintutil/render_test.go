package lintutil_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

const renderSrc = `package p

import "strings"

type T struct{}

func (T) Value()    {}
func (*T) Pointer() {}

type Box[E any] struct{}

func (*Box[E]) Get() E { var e E; return e }

type I interface{ M() }

func F() {}

var (
	_ = strings.NewReader
	_ *strings.Builder
	_ []T
)
`

func TestRender(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", renderSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.Default()}
	pkg, err := conf.Check("example.com/p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	other := types.NewPackage("example.com/q", "q")
	method := func(typ, name string) *types.Func {
		n := pkg.Scope().Lookup(typ).Type().(*types.Named)
		methods := n.Methods()
		if i, ok := n.Underlying().(*types.Interface); ok {
			methods = i.Methods()
		}
		for m := range methods {
			if m.Name() == name {
				return m
			}
		}
		t.Fatalf("no method %s.%s", typ, name)
		return nil
	}
	strs := pkg.Imports()[0]
	builder := strs.Scope().Lookup("Builder").Type()
	for _, tc := range []struct {
		got, want string
	}{
		{lintutil.FuncName(pkg.Scope().Lookup("F").(*types.Func), pkg), "F"},
		{lintutil.FuncName(pkg.Scope().Lookup("F").(*types.Func), other), "p.F"},
		{lintutil.FuncName(strs.Scope().Lookup("NewReader").(*types.Func), pkg), "strings.NewReader"},
		{lintutil.FuncName(method("T", "Value"), other), "p.T.Value"},
		{lintutil.FuncName(method("T", "Pointer"), other), "(*p.T).Pointer"},
		{lintutil.FuncName(method("T", "Pointer"), pkg), "(*T).Pointer"},
		{lintutil.FuncName(method("Box", "Get"), other), "(*p.Box).Get"},
		{lintutil.FuncName(method("I", "M"), other), "p.I.M"},
		{lintutil.TypeName(types.NewPointer(builder), pkg), "*strings.Builder"},
		{lintutil.TypeName(types.NewSlice(pkg.Scope().Lookup("T").Type()), pkg), "[]T"},
		{lintutil.TypeName(types.NewSlice(pkg.Scope().Lookup("T").Type()), other), "[]p.T"},
		{lintutil.List(nil), ""},
		{lintutil.List([]string{"A"}), "A"},
		{lintutil.List([]string{"A", "B"}), "A and B"},
		{lintutil.List([]string{"A", "B", "C"}), "A, B and C"},
		{lintutil.List([]string{"A", "B", "C", "D", "E"}), "A, B, C and 2 more"},
		{lintutil.Count(1, "method"), "1 method"},
		{lintutil.Count(3, "method"), "3 methods"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
