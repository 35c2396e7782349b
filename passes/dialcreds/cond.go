package dialcreds

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// An atom is one branch condition: "key\x00=value" (key equals value) or
// "key\x00!value" (key differs from value); atoms are joined by "\x01".
const atomSep = "\x01"

func addAtoms(a, b string) string {
	if b == "" || a == b {
		return a
	}
	if a == "" {
		return b
	}
	set := strings.Split(a, atomSep)
	for _, x := range strings.Split(b, atomSep) {
		if !slices.Contains(set, x) {
			set = append(set, x)
		}
	}
	if len(set) > 16 {
		set = set[:16]
	}
	sort.Strings(set)
	return strings.Join(set, atomSep)
}

// contradictory reports whether a path's conditions cannot all hold.
func contradictory(atoms string) bool {
	if atoms == "" {
		return false
	}
	eq := map[string]string{}
	var neq [][2]string
	for _, a := range strings.Split(atoms, atomSep) {
		k, v, _ := strings.Cut(a, "\x00")
		switch v[0] {
		case '=':
			if old, ok := eq[k]; ok && old != v[1:] {
				return true
			}
			eq[k] = v[1:]
		case '!':
			neq = append(neq, [2]string{k, v[1:]})
		}
	}
	for _, n := range neq {
		if v, ok := eq[n[0]]; ok && v == n[1] {
			return true
		}
	}
	return false
}

func (fs *funcState) text(e ast.Expr) string {
	return types.ExprString(e)
}

func (fs *funcState) condText(e ast.Expr) string {
	s := fs.text(e)
	if len(s) > 60 {
		return fmt.Sprintf("on the branch at line %d", fs.c.pass.Fset.Position(e.Pos()).Line)
	}
	return s
}

// condAtom is the atom of a branch condition holding (then) or not.
func (fs *funcState) condAtom(e ast.Expr, then bool) string {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.NOT {
		return fs.condAtom(u.X, !then)
	}
	if b, ok := e.(*ast.BinaryExpr); ok && (b.Op == token.EQL || b.Op == token.NEQ) {
		if a := fs.eqAtom(b.X, b.Y, then == (b.Op == token.EQL)); a != "" {
			return a
		}
	}
	return fs.text(e) + "\x00=" + strconv.FormatBool(then)
}

// eqAtom is the atom "x == y" (eq) or "x != y" for a constant y.
func (fs *funcState) eqAtom(x, y ast.Expr, eq bool) string {
	info := fs.c.pass.TypesInfo
	if info.Types[x].Value != nil {
		x, y = y, x
	}
	tv := info.Types[y]
	if tv.Value == nil || info.Types[x].Value != nil {
		return ""
	}
	op := "="
	if !eq {
		op = "!"
	}
	return fs.text(x) + "\x00" + op + tv.Value.ExactString()
}

func negate(s string) string {
	switch {
	case s == "" || strings.HasPrefix(s, "on the branch"):
		return ""
	case strings.HasPrefix(s, "!") && !strings.ContainsAny(s[1:], " "):
		return s[1:]
	case !strings.ContainsAny(s, " ()"):
		return "!" + s
	}
	return "!(" + s + ")"
}

// whenPrefix introduces a message with the configuration it applies to.
func whenPrefix(cond string) string {
	switch {
	case cond == "":
		return ""
	case strings.HasPrefix(cond, "on the branch"):
		return cond + ", "
	}
	return "when " + cond + ", "
}
