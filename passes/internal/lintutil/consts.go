package lintutil

import (
	"go/ast"
	"go/constant"
	"go/types"
)

// ConstString returns the value of expr when the type checker folded it
// to a string constant: a literal, a named constant from any package, or
// a constant expression such as a concatenation.
func ConstString(info *types.Info, expr ast.Expr) (string, bool) {
	tv, ok := info.Types[expr]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// StringLit returns the unquoted value of expr when it is a string
// literal written in place (parentheses allowed).
func StringLit(expr ast.Expr) (*ast.BasicLit, bool) {
	lit, ok := ast.Unparen(expr).(*ast.BasicLit)
	return lit, ok && lit.Kind.String() == "STRING"
}
