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
	written := c.rawWritten()
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
		key, ok := lintutil.ConstString(c.pass.TypesInfo, s.key)
		if !ok || c.skip(s, key, written) {
			continue
		}
		if !c.checkKey(s, key, fixes) {
			c.checkValues(s, key)
		}
	}
}

// skip reports whether the site s of key is left alone. Of a map bound
// for NewIncomingContext: the keys written into it (FromIncomingContext
// lowercases them on the other side; tests do this on purpose), and the
// raw reads that may match, of a map built by hand (it may hold any
// spelling) or of the very spelling the code wrote raw into it. A raw
// read of a map that came from FromIncomingContext is judged wherever
// the map goes next: its keys are lowercase. Elsewhere a raw write of
// the same spelling is reported and fixed with the read.
func (c *checker) skip(s *site, key string, written map[*types.Var]map[string]bool) bool {
	if s.dest != destIncoming {
		return false
	}
	switch s.kind {
	case rawWrite, helperWrite:
		return true
	case rawRead:
		return !s.incoming || written[s.md][key]
	}
	return false
}

// rawWritten returns, for each MD variable, the constant keys written
// raw into it (MD literal keys, md[k] = v), spelled as written.
func (c *checker) rawWritten() map[*types.Var]map[string]bool {
	w := make(map[*types.Var]map[string]bool)
	for _, s := range c.sites {
		if s.kind != rawWrite || s.md == nil {
			continue
		}
		if key, ok := lintutil.ConstString(c.pass.TypesInfo, s.key); ok {
			if w[s.md] == nil {
				w[s.md] = make(map[string]bool)
			}
			w[s.md][key] = true
		}
	}
	return w
}
