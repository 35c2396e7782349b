package flow

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// Kind is how a write gives a variable its value.
type Kind uint8

const (
	Param    Kind = iota + 1 // a parameter, result or receiver: the caller's value
	Decl                     // var v T (Rhs nil: the zero value) or var v = x
	Define                   // v := x, declaring v or, redeclared, assigning it
	Assign                   // v = x
	OpAssign                 // v op= x (Rhs is x)
	IncDec                   // v++, v--
	Range                    // for v = range x, for v := range x (Rhs is x, not v's value)
	AddrOf                   // &v, &v.f: v may change through the pointer
	PtrCall                  // v.M or v.M() with M's receiver a pointer and v none: it takes &v
)

// Write is one place that writes a variable (or part of it).
type Write struct {
	Kind Kind
	// Cur is the writing node: the assignment, spec or range statement,
	// the inc/dec statement, the & expression, the method selector, or
	// the parameter's field.
	Cur inspector.Cursor
	// Lhs is what is written: v, or the part of v (v.f, v[i], *v); the
	// operand of &; the receiver of a PtrCall; a parameter's name.
	Lhs ast.Expr
	// Rhs is the value written, or the operand of OpAssign and the
	// ranged expression of Range; nil when there is none (a zero Decl,
	// IncDec, AddrOf, PtrCall, Param, a type-incorrect tuple).
	Rhs ast.Expr
	// Tuple is the index of the result of the call Rhs that is written,
	// when that call has several; -1 otherwise.
	Tuple int
	// Declares reports that Lhs is the identifier declaring the
	// variable (Param, Decl, a Define or Range := of a new variable).
	Declares bool
	// Part reports that the write reaches part of the variable (a field,
	// an element, what it points to), not the variable itself.
	Part bool
	// Closure reports that the write is inside a function literal the
	// variable is declared outside of: it happens whenever the literal
	// runs, not where it is written.
	Closure bool
}

// Zero reports whether w declares the variable without a value.
func (w Write) Zero() bool { return w.Kind == Decl && w.Rhs == nil }

// Valued reports whether w gives the variable itself the value Rhs
// (result Tuple of it when Tuple >= 0): a declaration's initializer, a
// definition or a plain assignment.
func (w Write) Valued() bool {
	return w.Rhs != nil && !w.Part && (w.Kind == Decl || w.Kind == Define || w.Kind == Assign)
}

// Addr reports whether w takes the variable's address (or part of it),
// explicitly or through a pointer method.
func (w Write) Addr() bool { return w.Kind == AddrOf || w.Kind == PtrCall }

// Index is the write index of one package: every write of the
// package's syntax to every variable, of this package or another
// (pkg.V = x), in source order.
type Index struct {
	writes map[*types.Var][]Write
}

// indexKey is the key of the write index in the shared package state.
var indexKey = new(byte)

// WriteIndex returns the write index of pass's package, built on first
// use and shared by every pass of the package. pass's analyzer must
// require lintutil.Shared; ask for the index after the fast path, as
// it walks the package's syntax.
func WriteIndex(pass *analysis.Pass) *Index {
	return lintutil.Memo(pass, indexKey, func() *Index {
		return NewIndex(pass.TypesInfo, lintutil.Inspector(pass))
	})
}

// All iterates over the written variables and their writes (in no
// particular order of variables), for a pass that keeps its own view of
// them.
func (ix *Index) All() iter.Seq2[*types.Var, []Write] {
	return func(yield func(*types.Var, []Write) bool) {
		for v, ws := range ix.writes {
			if !yield(v, ws) {
				return
			}
		}
	}
}

// Writes returns the writes to v in source order.
func (ix *Index) Writes(v *types.Var) []Write { return ix.writes[v] }

// Single returns the one write that gives v its value (a declaration's
// initializer, its sole definition or assignment; a declaration without
// a value may precede it): false when v is written more than once, or
// in a way whose value cannot be read (a parameter, op-assign, inc/dec,
// range, address taken, a write to part of it).
func (ix *Index) Single(v *types.Var) (Write, bool) { return Single(ix.writes[v]) }

// Single is Index.Single over a list of writes, for a pass that leaves
// some out (writes in test files, writes to elements of a literal).
func Single(ws []Write) (Write, bool) {
	var got *Write
	for i := range ws {
		w := &ws[i]
		if w.Zero() {
			continue
		}
		if !w.Valued() || got != nil {
			return Write{}, false
		}
		got = w
	}
	if got == nil {
		return Write{}, false
	}
	return *got, true
}

// WrittenOnce reports whether v has exactly one write: its declaration
// (with or without a value) or a parameter never assigned again, whose
// address is never taken.
func (ix *Index) WrittenOnce(v *types.Var) bool {
	ws := ix.writes[v]
	return len(ws) == 1 && !ws[0].Addr()
}

// Declared reports whether a statement of the package declares v (var,
// :=, range :=): it is no parameter, and no variable of another package.
func (ix *Index) Declared(v *types.Var) bool {
	for _, w := range ix.writes[v] {
		if w.Declares && w.Kind != Param {
			return true
		}
	}
	return false
}

// AssignedOutsideDecl reports whether v is written other than by its
// declaration: assigned, op-assigned, incremented, ranged into, its
// address taken, a part of it written. For a package variable (or one
// of another package), any such write anywhere makes its value unknown
// at any point.
func (ix *Index) AssignedOutsideDecl(v *types.Var) bool {
	for _, w := range ix.writes[v] {
		if !w.Declares {
			return true
		}
	}
	return false
}

// Escapes reports whether a walk of the function declaring v, statement
// by statement, cannot know v's value: its address is taken (it may
// change through the pointer), or a function literal writes it (it
// changes whenever the literal runs).
func (ix *Index) Escapes(v *types.Var) bool {
	for _, w := range ix.writes[v] {
		if w.Addr() || w.Closure {
			return true
		}
	}
	return false
}

// NewIndex builds the write index of the files insp walks. WriteIndex
// is the shared one; NewIndex is for tests and tools.
func NewIndex(info *types.Info, insp *inspector.Inspector) *Index {
	b := &builder{info: info, ix: &Index{writes: make(map[*types.Var][]Write)}}
	for cur := range insp.Root().Preorder(
		(*ast.FuncDecl)(nil), (*ast.FuncType)(nil),
		(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.RangeStmt)(nil), (*ast.IncDecStmt)(nil),
		(*ast.UnaryExpr)(nil), (*ast.SelectorExpr)(nil)) {
		b.node(cur)
	}
	return b.ix
}

type builder struct {
	info *types.Info
	ix   *Index
}

func (b *builder) node(cur inspector.Cursor) {
	switch n := cur.Node().(type) {
	case *ast.FuncDecl:
		b.params(cur, n.Recv)
	case *ast.FuncType:
		// The signatures of declared functions and literals; those of
		// interface methods and function types declare nothing one can
		// write.
		switch cur.Parent().Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			b.params(cur, n.Params)
			b.params(cur, n.Results)
		}
	case *ast.AssignStmt:
		kind := Assign
		switch n.Tok {
		case token.DEFINE:
			kind = Define
		case token.ASSIGN:
		default:
			kind = OpAssign
		}
		for i, lhs := range n.Lhs {
			rhs, tuple := valueOf(n.Rhs, len(n.Lhs), i)
			b.add(Write{Kind: kind, Cur: cur, Lhs: lhs, Rhs: rhs, Tuple: tuple})
		}
	case *ast.ValueSpec:
		for i, name := range n.Names {
			rhs, tuple := valueOf(n.Values, len(n.Names), i)
			b.add(Write{Kind: Decl, Cur: cur, Lhs: name, Rhs: rhs, Tuple: tuple})
		}
	case *ast.RangeStmt:
		for _, lhs := range []ast.Expr{n.Key, n.Value} {
			if lhs != nil {
				b.add(Write{Kind: Range, Cur: cur, Lhs: lhs, Rhs: n.X, Tuple: -1})
			}
		}
	case *ast.IncDecStmt:
		b.add(Write{Kind: IncDec, Cur: cur, Lhs: n.X, Tuple: -1})
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			b.add(Write{Kind: AddrOf, Cur: cur, Lhs: n.X, Tuple: -1})
		}
	case *ast.SelectorExpr:
		// v.M with a pointer receiver on a v that is not a pointer
		// takes &v (a call or a method value).
		sel := b.info.Selections[n]
		if sel == nil || sel.Kind() != types.MethodVal {
			return
		}
		sig, ok := sel.Obj().Type().(*types.Signature)
		if !ok || sig.Recv() == nil {
			return
		}
		if _, ptrRecv := types.Unalias(sig.Recv().Type()).(*types.Pointer); !ptrRecv {
			return
		}
		if _, ptrX := types.Unalias(b.info.TypeOf(n.X)).(*types.Pointer); ptrX {
			return
		}
		b.add(Write{Kind: PtrCall, Cur: cur, Lhs: n.X, Tuple: -1})
	}
}

// valueOf returns the value the i-th of n left sides gets from rhs and
// its tuple index: one to one, or result i of a single call; nil when
// there is none (no values, or a count that does not type-check).
func valueOf(rhs []ast.Expr, n, i int) (ast.Expr, int) {
	switch {
	case len(rhs) == n:
		return rhs[i], -1
	case len(rhs) == 1:
		return rhs[0], i
	}
	return nil, -1
}

// params records the names of a parameter, result or receiver list.
func (b *builder) params(cur inspector.Cursor, list *ast.FieldList) {
	if list == nil {
		return
	}
	for _, f := range list.List {
		for _, name := range f.Names {
			b.add(Write{Kind: Param, Cur: cur, Lhs: name, Tuple: -1})
		}
	}
}

// add records w as a write of the variable at the root of w.Lhs, if
// any.
func (b *builder) add(w Write) {
	v := lintutil.RootVar(b.info, w.Lhs)
	if v == nil {
		return
	}
	switch lhs := ast.Unparen(w.Lhs).(type) {
	case *ast.Ident:
		w.Declares = b.info.Defs[lhs] == v
	case *ast.SelectorExpr:
		w.Part = b.info.Selections[lhs] != nil // not pkg.V
	default:
		w.Part = true
	}
	// The innermost function around the write: a literal v is declared
	// outside of runs the write whenever it is called.
	for e := range w.Cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if lit, ok := e.Node().(*ast.FuncLit); ok && (v.Pos() < lit.Pos() || v.Pos() >= lit.End()) {
			w.Closure = true
		}
		break
	}
	b.ix.writes[v] = append(b.ix.writes[v], w)
}
