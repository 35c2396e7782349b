package metadatakey

import (
	"go/ast"
	"go/types"
	"sort"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// Where the metadata written at a site goes: a sink call around it, or a
// variable later handed to a sink.

// exprDest returns where the MD value at cur goes: straight into a sink
// call, or into a variable whose sinks are resolved at the end.
func (c *checker) exprDest(cur inspector.Cursor) (dest, string, *types.Var) {
	for {
		parent := cur.Parent()
		switch p := parent.Node().(type) {
		case *ast.ParenExpr:
			cur = parent
			continue
		case *ast.CallExpr:
			fn := lintutil.Callee(c.pass.TypesInfo, p)
			if fn == nil {
				return destUnknown, "", nil
			}
			key := lintutil.FuncKey(fn)
			if a, ok := apis[key]; ok && a.sink && a.arg < len(p.Args) && p.Args[a.arg] == cur.Node() {
				return a.dest, lintutil.ShortKey(key), nil
			}
		case *ast.AssignStmt:
			for i, r := range p.Rhs {
				if r == cur.Node() && len(p.Lhs) == len(p.Rhs) {
					return destUnknown, "", c.varOf(p.Lhs[i])
				}
			}
		case *ast.ValueSpec:
			for i, r := range p.Values {
				if r == cur.Node() && len(p.Names) == len(p.Values) {
					return destUnknown, "", c.varOf(p.Names[i])
				}
			}
		}
		return destUnknown, "", nil
	}
}

// report resolves each site's destination and reports its problems.
func (c *checker) report() {
	sort.Slice(c.sites, func(i, j int) bool { return c.sites[i].key.Pos() < c.sites[j].key.Pos() })
	fixes := newConstFixer(c.pass, c.sites)
	for _, s := range c.sites {
		if s.md != nil {
			if s.dest == destUnknown {
				s.dest = c.varDest[s.md]
				if s.sinkName == "" {
					s.sinkName = c.varSink[s.md]
				}
			}
			if c.varIn[s.md] {
				s.incoming = true
			}
		}
		if s.dest == destIncoming {
			continue // NewIncomingContext: FromIncomingContext lowercases; tests do this on purpose
		}
		key, ok := lintutil.ConstString(c.pass.TypesInfo, s.key)
		if !ok {
			continue
		}
		if !c.checkKey(s, key, fixes) {
			c.checkValues(s, key)
		}
	}
}
