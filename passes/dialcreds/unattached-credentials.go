package dialcreds

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// ruleUnattachedCredentials: a connection without
// credentials built from a receiver or parameter (its target or options
// read a field of it, directly or through local variables) whose struct
// type carries credentials, in a field the package never reads: the
// credentials were configured (parsed from a file, set by a constructor)
// and forgotten.
//
// A credentials field has a credentials type (per-RPC credentials, a
// token source, an *oauth2.Token) or a name for auth, credentials, a
// token, an API key or a password, with a type that does not say it is
// a setting about auth (holdsCreds), and not a name for one (AuthMode,
// TokenURL, Authority).
//
// Which reads count. Any read of the field in the package, anywhere (to
// build per-call credentials, to log it), means it is used. For a struct
// declared in another package, its reads there count too: that package
// exports them as a fact (fieldReadsFact), also when it cannot see grpc
// (the fact then says so, and the rule asks more: every other field of
// the struct is read); without the fact (an unexported type of a package
// that cannot see grpc) nothing is reported. An unexported field can
// only be read in its own package, so those reads are all there is. An
// exported field can also be read by importers of its package; those
// reads are not seen, and do not matter much: an importer cannot attach
// the credentials to a connection whose options are all visible here,
// except as metadata on the contexts it passes to the connection's RPCs
// (a documented miss).
const ruleUnattachedCredentials = "unattached-credentials"

// judgeUnattachedCredentials judges a connection without credentials.
func (c *checker) judgeUnattachedCredentials(d *dialSite) {
	if !c.withoutCredentials(d) {
		return
	}
	f, in := c.unattachedField(d)
	if f == nil {
		return
	}
	s := in.Obj().Name()
	if p := in.Obj().Pkg(); p != c.pass.Pkg {
		s = p.Name() + "." + s
	}
	c.report(ruleUnattachedCredentials, analysis.Diagnostic{
		Pos: d.call.Fun.Pos(), End: d.call.Fun.End(),
		Message: d.entry + " gets no credentials and " + s + "." + f.Name() + " is never read; attach them with grpc.WithPerRPCCredentials",
		Related: related(f.Pos(), "credentials configured here, never read"),
	})
}

// unattachedField is the credentials field, unread by the package, of a
// struct whose receiver or parameter the connection is built from
// (call's arguments read a field of it, directly or through the local
// variables they use: addr := fmt.Sprintf("%s:%d", p.Host, p.Port), or
// options appended with a field of it), or nil.
func (c *checker) unattachedField(d *dialSite) (*types.Var, *types.Named) {
	if !d.fieldDone {
		d.fieldDone = true
		d.field, d.fieldIn = c.findUnattachedField(d.call, d.w)
	}
	return d.field, d.fieldIn
}

// findUnattachedField finds the unattachedField of a connection built
// at call in the function of w.
func (c *checker) findUnattachedField(call *ast.CallExpr, w *funcWalk) (*types.Var, *types.Named) {
	if w.sig == nil {
		return nil, nil
	}
	info := c.pass.TypesInfo
	roots := map[*types.Var]bool{}
	if r := w.sig.Recv(); r != nil {
		roots[r] = true
	}
	for i := 0; i < w.sig.Params().Len(); i++ {
		roots[w.sig.Params().At(i)] = true
	}
	var found *types.Var
	var in *types.Named
	var assigned map[*types.Var][]ast.Expr // the values given to the function's locals, by need
	seen := map[*types.Var]bool{}
	work := slices.Clone(call.Args)
	for len(work) > 0 && found == nil {
		a := work[len(work)-1]
		work = work[:len(work)-1]
		ast.Inspect(a, func(n ast.Node) bool {
			if found != nil {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.Ident:
				v, ok := info.Uses[n].(*types.Var)
				if !ok || roots[v] || seen[v] || v.IsField() || w.body == nil || !within(v.Pos(), w.body) {
					return true
				}
				seen[v] = true
				if assigned == nil {
					assigned = localValues(info, w.body)
				}
				work = append(work, assigned[v]...)
			case *ast.SelectorExpr:
				sel := info.Selections[n]
				if sel == nil || sel.Kind() != types.FieldVal || !roots[lintutil.RootVar(info, n.X)] {
					return true
				}
				if s := namedStruct(info.TypeOf(n.X)); s != nil {
					found, in = c.unreadCredsField(s), s
				}
			}
			return found == nil
		})
	}
	if found == nil {
		return nil, nil
	}
	return found, in
}

// within reports whether pos is inside n.
func within(pos token.Pos, n ast.Node) bool { return n.Pos() <= pos && pos < n.End() }

// localValues maps the variables assigned in body to the expressions
// assigned to them (closures included).
func localValues(info *types.Info, body *ast.BlockStmt) map[*types.Var][]ast.Expr {
	m := make(map[*types.Var][]ast.Expr)
	ast.Inspect(body, func(n ast.Node) bool {
		lintutil.Assigned(n, func(lhs, rhs ast.Expr) {
			if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
				if v, ok := info.ObjectOf(id).(*types.Var); ok {
					m[v] = append(m[v], rhs)
				}
			}
		})
		return true
	})
	return m
}

// unreadCredsField is the first credentials field of s that neither
// this package nor s's own package reads, or nil; nil too when s's
// package exported no fact.
func (c *checker) unreadCredsField(s *types.Named) *types.Var {
	fields := credsFields(s)
	if len(fields) == 0 {
		return nil
	}
	tn := s.Obj()
	var theirs fieldReadsFact
	if tn.Pkg() != c.pass.Pkg && !c.pass.ImportObjectFact(tn, &theirs) {
		return nil
	}
	if theirs.Plain {
		// Every other field must be read, by s's package or this one.
		for _, name := range theirs.Unread {
			if v := fieldNamed(s, name); v == nil || !c.fieldRead[v] {
				return nil
			}
		}
	}
	for _, f := range fields {
		switch {
		case c.fieldRead[f], slices.Contains(theirs.Read, f.Name()):
		default:
			return f
		}
	}
	return nil
}

// fieldNamed is the field of struct type s named name, or nil.
func fieldNamed(s *types.Named, name string) *types.Var {
	st := s.Underlying().(*types.Struct)
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i).Name() == name {
			return st.Field(i)
		}
	}
	return nil
}
