package metadatakey

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// The sites of the metadata API: every constant key written or read
// through it or an MD value (GetRequestMetadata maps: creds.go).

// site is one constant key (or value) position.
type site struct {
	key      ast.Expr
	kind     kind
	dest     dest
	md       *types.Var // the MD variable written or read, if any; its dest/source is resolved later
	incoming bool       // read of incoming metadata
	helper   string     // name of the normalising helper, for messages
	sinkName string     // name of the sink, for messages
	values   []ast.Expr // constant values written under this key
}

func (c *checker) varOf(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	return v
}

// assignFromIncoming records MD variables assigned from
// FromIncomingContext.
func (c *checker) assignFromIncoming(lhs, rhs []ast.Expr) {
	if len(rhs) != 1 || len(lhs) == 0 {
		return
	}
	call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
	if !ok {
		return
	}
	if fn := lintutil.Callee(c.pass.TypesInfo, call); fn != nil && lintutil.FuncKey(fn) == fromIncoming {
		if v := c.varOf(lhs[0]); v != nil {
			c.varIn[v] = true
		}
	}
}

func (c *checker) call(cur inspector.Cursor, call *ast.CallExpr) {
	info := c.pass.TypesInfo
	// delete(md, key)
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "delete" && len(call.Args) == 2 && c.isMD(call.Args[0]) {
			c.sites = append(c.sites, &site{key: call.Args[1], kind: rawRead, md: c.varOf(call.Args[0])})
		}
		// fall through: a local func named like an API is not one.
	}
	fn := lintutil.Callee(info, call)
	if fn == nil {
		return
	}
	key := lintutil.FuncKey(fn)
	a, ok := apis[key]
	if !ok {
		return
	}
	name := lintutil.ShortKey(key)
	if a.sink {
		if a.arg < len(call.Args) {
			if v := c.varOf(call.Args[a.arg]); v != nil {
				if _, seen := c.varDest[v]; !seen || c.varDest[v] == destIncoming {
					c.varDest[v] = a.dest
					c.varSink[v] = name
				}
			}
		}
		return
	}
	switch {
	case a.pairs:
		if call.Ellipsis.IsValid() {
			return // kv... spread: count and keys unknown
		}
		c.oddPairs(call, name, len(call.Args)-a.arg)
		d, sinkName, v := a.dest, "", (*types.Var)(nil)
		if d == destUnknown {
			d, sinkName, v = c.exprDest(cur)
		}
		for i := a.arg; i < len(call.Args); i += 2 {
			s := &site{key: call.Args[i], kind: helperWrite, dest: d, md: v, helper: name, sinkName: sinkName}
			if i+1 < len(call.Args) {
				s.values = []ast.Expr{call.Args[i+1]}
			}
			c.sites = append(c.sites, s)
		}
	case key == mdNew:
		// Keys of the map literal are handled in compositeLit.
	default:
		if a.arg >= len(call.Args) {
			return
		}
		s := &site{key: call.Args[a.arg], kind: a.kind, helper: name, incoming: a.incoming}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && a.kind == helperWrite {
			// md.Set / md.Append: the destination is the receiver's.
			s.md = c.varOf(sel.X)
			s.values = call.Args[a.arg+1:]
		}
		c.sites = append(c.sites, s)
	}
}

func (c *checker) compositeLit(cur inspector.Cursor, lit *ast.CompositeLit) {
	t := c.pass.TypesInfo.TypeOf(lit)
	if t == nil {
		return
	}
	switch {
	case lintutil.IsNamed(t, grpcapi.Metadata, "MD", false):
		d, sinkName, v := c.exprDest(cur)
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			s := &site{key: kv.Key, kind: rawWrite, dest: d, md: v, sinkName: sinkName}
			if vals, ok := ast.Unparen(kv.Value).(*ast.CompositeLit); ok {
				s.values = vals.Elts
			}
			c.sites = append(c.sites, s)
		}
	case isStringMap(t):
		// metadata.New(map[string]string{...}); the maps of
		// GetRequestMetadata are credsMethod's.
		call, ok := cur.Parent().Node().(*ast.CallExpr)
		if !ok || len(call.Args) != 1 || call.Args[0] != lit {
			return
		}
		if fn := lintutil.Callee(c.pass.TypesInfo, call); fn == nil || lintutil.FuncKey(fn) != mdNew {
			return
		}
		d, sinkName, v := c.exprDest(cur.Parent())
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				c.sites = append(c.sites, &site{key: kv.Key, kind: helperWrite, dest: d, md: v, helper: "metadata.New", sinkName: sinkName, values: []ast.Expr{kv.Value}})
			}
		}
	}
}

func (c *checker) index(cur inspector.Cursor, ix *ast.IndexExpr) {
	t := c.pass.TypesInfo.TypeOf(ix.X)
	if t == nil {
		return
	}
	write := false
	if as, ok := cur.Parent().Node().(*ast.AssignStmt); ok {
		for _, l := range as.Lhs {
			if l == ix {
				write = true
			}
		}
	}
	if !lintutil.IsNamed(t, grpcapi.Metadata, "MD", false) {
		return
	}
	s := &site{key: ix.Index, kind: rawRead, md: c.varOf(ix.X)}
	if write {
		s.kind = rawWrite
		if as := cur.Parent().Node().(*ast.AssignStmt); len(as.Lhs) == 1 && len(as.Rhs) == 1 {
			if vals, ok := ast.Unparen(as.Rhs[0]).(*ast.CompositeLit); ok {
				s.values = vals.Elts
			}
		}
	}
	c.sites = append(c.sites, s)
}

// comparison records v == key where v may be the key variable of a range
// over an MD (decided once the traversal is done).
func (c *checker) comparison(v, key ast.Expr) {
	obj := c.varOf(v)
	if obj == nil {
		return
	}
	if _, ok := lintutil.ConstString(c.pass.TypesInfo, key); !ok {
		return
	}
	c.cmps = append(c.cmps, &site{key: key, kind: rawRead})
	c.cmpVars = append(c.cmpVars, obj)
}
