package lostmetadata

import (
	"go/ast"
	"go/types"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/flow"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// mdClass is what an md expression is known to hold.
type mdClass int

const (
	mdFresh   mdClass = iota // only what the code writes into it
	mdUnknown                // computed by a call handed a context: it may merge
	mdOld                    // includes the outgoing metadata already on a context
)

// mdGraph answers, without regard to order, what values flow into each
// variable of the package: its writes (the write index: assignments,
// declarations, op-assigns, range loops, writes to its elements) and
// MD.Set/Append, maps.Copy and copy calls on it. An md includes the old
// metadata when anything that flows into it was read with
// FromOutgoingContext (or ValueFromOutgoingContext); being blind to
// order keeps the pass silent whenever the code merges at all.
type mdGraph struct {
	c     *checker
	calls map[*types.Var][]ast.Expr // what Set, Append, maps.Copy and copy put in each variable
	// class and busy are indexed by asMD (classifyIn).
	class   [2]map[*types.Var]mdClass
	busy    [2]map[*types.Var]bool
	isEmpty map[*types.Var]bool
}

func newMDGraph(c *checker) *mdGraph {
	g := &mdGraph{
		c:       c,
		calls:   make(map[*types.Var][]ast.Expr),
		class:   [2]map[*types.Var]mdClass{make(map[*types.Var]mdClass), make(map[*types.Var]mdClass)},
		busy:    [2]map[*types.Var]bool{make(map[*types.Var]bool), make(map[*types.Var]bool)},
		isEmpty: make(map[*types.Var]bool),
	}
	info := c.info
	add := func(dst ast.Expr, src ast.Expr) {
		if v := lintutil.RootVar(info, dst); v != nil && src != nil {
			g.calls[v] = append(g.calls[v], src)
		}
	}
	for cur := range lintutil.Inspector(c.pass).Root().Preorder((*ast.CallExpr)(nil)) {
		n := cur.Node().(*ast.CallExpr)
		switch key := c.calleeKey(n); key {
		case mdSet, mdAppend:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
				for _, a := range n.Args {
					add(sel.X, a)
				}
			}
		case mapsCopy:
			if len(n.Args) == 2 {
				add(n.Args[0], n.Args[1])
			}
		case "":
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && len(n.Args) == 2 {
				if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "copy" {
					add(n.Args[0], n.Args[1])
				}
			}
		}
	}
	return g
}

// sources returns what flows into v: the values of its writes (the
// operand of an op-assign, the ranged value of a range loop), then what
// calls put in it.
func (g *mdGraph) sources(v *types.Var) []ast.Expr {
	var out []ast.Expr
	for _, w := range flow.WriteIndex(g.c.pass).Writes(v) { // the index is built on first use
		if w.Rhs != nil {
			out = append(out, w.Rhs)
		}
	}
	return append(out, g.calls[v]...)
}

// classify returns what the md expression e holds.
func (g *mdGraph) classify(e ast.Expr) mdClass { return g.classifyIn(e, true) }

// classifyIn returns what e holds. asMD says whether e's value may reach
// md as metadata: a call handed a context makes it mdUnknown only then.
// Below a call that computes a value that cannot hold metadata (a
// string: a trace id, the payload of a transaction looked up in the
// context) only a read of the old metadata counts, as a value copied
// from it may be the authorization itself; a string indexed or ranged
// out of a map stays a piece of that map.
func (g *mdGraph) classifyIn(e ast.Expr, asMD bool) mdClass {
	class := mdFresh
	ast.Inspect(e, func(n ast.Node) bool {
		if class == mdOld {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			key := g.c.calleeKey(n)
			if readsOld[key] {
				class = mdOld
				return false
			}
			if asMD && g.computesValue(n) {
				class = max(class, g.classifyIn(n, false))
				return false
			}
			if asMD && g.opaque(n, key) {
				class = max(class, mdUnknown)
			}
		case *ast.Ident:
			if v, ok := g.c.info.Uses[n].(*types.Var); ok {
				class = max(class, g.classifyVar(v, asMD))
			}
		}
		return true
	})
	return class
}

// opaque reports whether call, not of the metadata package, is handed a
// context and returns something that could hold metadata: it may have
// read the outgoing metadata itself.
func (g *mdGraph) opaque(call *ast.CallExpr, key string) bool {
	if fn := lintutil.Callee(g.c.info, call); fn != nil && lintutil.PkgPath(fn.Pkg()) == grpcapi.Metadata {
		return false
	}
	handed := false
	for _, a := range call.Args {
		if t := g.c.info.TypeOf(a); t != nil && grpcapi.IsContext(t) {
			handed = true
		}
	}
	if !handed {
		return false
	}
	t := g.c.info.TypeOf(call)
	if tup, ok := t.(*types.Tuple); ok {
		for i := 0; i < tup.Len(); i++ {
			if canHoldMD(tup.At(i).Type()) {
				return true
			}
		}
		return false
	}
	return t == nil || canHoldMD(t)
}

// computesValue reports whether call, not a conversion, returns a single
// value that cannot hold metadata.
func (g *mdGraph) computesValue(call *ast.CallExpr) bool {
	if tv, ok := g.c.info.Types[call.Fun]; ok && tv.IsType() {
		return false
	}
	t := g.c.info.TypeOf(call)
	if _, tuple := t.(*types.Tuple); t == nil || tuple {
		return false
	}
	return !canHoldMD(t)
}

// canHoldMD reports whether a value of type t could hold metadata: not
// a basic type (a string value read from the context is just a value).
func canHoldMD(t types.Type) bool {
	_, basic := t.Underlying().(*types.Basic)
	return !basic && !grpcapi.IsContext(t)
}

func (g *mdGraph) classifyVar(v *types.Var, asMD bool) mdClass {
	m := 0
	if asMD {
		m = 1
	}
	if c, ok := g.class[m][v]; ok {
		return c
	}
	if g.busy[m][v] {
		return mdFresh // a cycle adds nothing new
	}
	g.busy[m][v] = true
	class := mdFresh
	for _, src := range g.sources(v) {
		class = max(class, g.classifyIn(src, asMD))
		if class == mdOld {
			break
		}
	}
	delete(g.busy[m], v)
	g.class[m][v] = class
	return class
}

// includesOld reports whether md may include the outgoing metadata
// already on a context (or cannot be judged).
func (g *mdGraph) includesOld(md ast.Expr) bool {
	return g.classify(md) != mdFresh
}

// empty reports whether md holds no metadata at all: nil, an empty MD
// literal, New(nil), Pairs(), make(MD), or a variable holding only
// those. Replacing the metadata with nothing is clearing it on purpose.
func (g *mdGraph) empty(md ast.Expr) bool {
	switch e := ast.Unparen(md).(type) {
	case *ast.Ident:
		if e.Name == "nil" {
			_, isNil := g.c.info.Uses[e].(*types.Nil)
			return isNil
		}
		v, ok := g.c.info.Uses[e].(*types.Var)
		if !ok {
			return false
		}
		if r, ok := g.isEmpty[v]; ok {
			return r
		}
		g.isEmpty[v] = false // cycles: not empty
		srcs := g.sources(v)
		r := len(srcs) > 0
		for _, s := range srcs {
			if !g.empty(s) {
				r = false
				break
			}
		}
		g.isEmpty[v] = r
		return r
	case *ast.CompositeLit:
		return len(e.Elts) == 0
	case *ast.CallExpr:
		switch g.c.calleeKey(e) {
		case mdPairs:
			return len(e.Args) == 0
		case mdNew:
			return len(e.Args) == 1 && g.empty(e.Args[0])
		}
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok {
			if b, ok := g.c.info.Uses[id].(*types.Builtin); ok && b.Name() == "make" {
				return true
			}
		}
	}
	return false
}
