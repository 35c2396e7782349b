package dialcreds

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// Branch conditions. A path through a function records the conditions
// of the branches it took (conds), so that credentials-require-tls can
// skip paths that cannot run (a switch on a mode, then an if on the same
// mode), and the branch that selected an insecure transport (branch), so
// that its message can say when it fails.

// A cond is one branch condition: the expression whose source text is
// key equals value ("mode" == "\"plain\"", "cfg.Secure" == "true"), or
// differs from it (neq).
type cond struct {
	key, value string
	neq        bool
}

// compare orders conds by key, then the differences before the
// equalities, then by value.
func (c cond) compare(d cond) int {
	if r := strings.Compare(c.key, d.key); r != 0 {
		return r
	}
	if c.neq != d.neq {
		if c.neq {
			return -1
		}
		return 1
	}
	return strings.Compare(c.value, d.value)
}

// conds is the set of conditions of a path, sorted by compare. A conds
// is never modified once built: paths share them.
type conds []cond

// maxConds bounds the conditions a path keeps.
const maxConds = 16

// and is the conditions of s and of t: those of s, then those of t not
// in s, the first maxConds of them.
func (s conds) and(t conds) conds {
	if len(t) == 0 || slices.Equal(s, t) {
		return s
	}
	if len(s) == 0 {
		return t
	}
	set := slices.Clone(s)
	for _, c := range t {
		if !slices.Contains(set, c) {
			set = append(set, c)
		}
	}
	if len(set) > maxConds {
		set = set[:maxConds]
	}
	slices.SortFunc(set, cond.compare)
	return set
}

// contradictory reports whether the conditions cannot all hold: one key
// equal to two values, or equal to a value it differs from.
func (s conds) contradictory() bool {
	eq := map[string]string{}
	for _, c := range s {
		if c.neq {
			continue
		}
		if old, ok := eq[c.key]; ok && old != c.value {
			return true
		}
		eq[c.key] = c.value
	}
	for _, c := range s {
		if v, ok := eq[c.key]; c.neq && ok && v == c.value {
			return true
		}
	}
	return false
}

// A branch names, for messages, the condition under which a path runs:
// its source text ("cfg.Secure", "!cfg.Secure", "mode == \"plain\""),
// or, when that is too long to quote, the line and position of the
// condition. The zero branch is none.
type branch struct {
	text string
	line int       // the condition's line, when text is too long to quote
	at   token.Pos // the condition, for related information
}

// same reports whether b and c name the same branch.
func (b branch) same(c branch) bool { return b.text == c.text && b.line == c.line }

func (b branch) none() bool { return b.text == "" && b.line == 0 }

// not is the branch of the opposite condition, or none when b's
// condition is not quoted.
func (b branch) not() branch { return branch{text: lintutil.NotCond(b.text)} }

// when introduces a message with the configuration it applies to.
func (b branch) when() string { return lintutil.WhenCond(b.text, b.line != 0) }

func (fs *funcState) text(e ast.Expr) string {
	return types.ExprString(e)
}

// branchOf is the branch of the condition e.
func (fs *funcState) branchOf(e ast.Expr) branch {
	s := fs.text(e)
	if len(s) > lintutil.MaxCondText {
		return branch{line: fs.c.pass.Fset.Position(e.Pos()).Line, at: e.Pos()}
	}
	return branch{text: s}
}

// condOf is the condition e holding (then) or not.
func (fs *funcState) condOf(e ast.Expr, then bool) cond {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.NOT {
		return fs.condOf(u.X, !then)
	}
	if b, ok := e.(*ast.BinaryExpr); ok && (b.Op == token.EQL || b.Op == token.NEQ) {
		if c, ok := fs.eqCond(b.X, b.Y, then == (b.Op == token.EQL)); ok {
			return c
		}
	}
	return cond{key: fs.text(e), value: strconv.FormatBool(then)}
}

// eqCond is the condition "x == y" (eq) or "x != y" for a constant y;
// ok is false when neither or both sides are constant.
func (fs *funcState) eqCond(x, y ast.Expr, eq bool) (c cond, ok bool) {
	info := fs.c.pass.TypesInfo
	if info.Types[x].Value != nil {
		x, y = y, x
	}
	tv := info.Types[y]
	if tv.Value == nil || info.Types[x].Value != nil {
		return cond{}, false
	}
	return cond{key: fs.text(x), value: tv.Value.ExactString(), neq: !eq}, true
}
