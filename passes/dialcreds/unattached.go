package dialcreds

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// The rule "configured credentials never attached": a connection without
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

// fieldReadsFact lists the credentials fields of a struct type that its
// declaring package reads, exported for every struct type with such
// fields.
//
// A package that cannot see grpc (Plain) exports it too, for its
// exported struct types, from one walk of its syntax that only packages
// declaring such types pay for; Unread then lists the struct's other
// fields (neither credentials nor embedded) that it never reads. Such a
// struct is often a program's central configuration, whose fields
// packages the analyzer does not see read (the database password, read
// where the database is opened): its credentials count as never read
// only where every other field is read, by its package or the dialling
// one (a struct that describes the endpoint: Host, Port, Auth).
type fieldReadsFact struct {
	Read   []string
	Plain  bool
	Unread []string
}

func (*fieldReadsFact) AFact() {}
func (f *fieldReadsFact) String() string {
	s := "fieldreads(" + strings.Join(f.Read, ",") + ")"
	if f.Plain {
		s += " plain(unread=" + strings.Join(f.Unread, ",") + ")"
	}
	return s
}

// noteFieldRead records the field selections of the package that read
// the field: all but the left side of a plain assignment.
func (c *checker) noteFieldRead(cur inspector.Cursor, n *ast.SelectorExpr) {
	noteFieldRead(c.pass.TypesInfo, c.fieldRead, cur.Parent().Node(), n)
}

// noteFieldRead records in read the field n selects, by its origin,
// unless n is the left side of a plain assignment (parent is n's
// parent).
func noteFieldRead(info *types.Info, read map[*types.Var]bool, parent ast.Node, n *ast.SelectorExpr) {
	sel := info.Selections[n]
	if sel == nil || sel.Kind() != types.FieldVal {
		return
	}
	switch p := parent.(type) {
	case *ast.AssignStmt:
		if p.Tok == token.ASSIGN && slices.Contains(p.Lhs, ast.Expr(n)) {
			return
		}
	case *ast.RangeStmt:
		if p.Tok == token.ASSIGN && (p.Key == ast.Expr(n) || p.Value == ast.Expr(n)) {
			return
		}
	}
	if v, ok := sel.Obj().(*types.Var); ok {
		read[v.Origin()] = true
	}
}

// exportPlainFieldReads exports the fieldReadsFact of the exported
// struct types with credentials fields of a package that cannot see
// grpc. Its syntax is walked only when it declares such a type.
func exportPlainFieldReads(pass *analysis.Pass) {
	var structs []*types.Named
	scope := pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || !tn.Exported() || tn.IsAlias() {
			continue
		}
		if n := namedStruct(tn.Type()); n != nil && n.Obj() == tn && len(credsFields(n)) > 0 {
			structs = append(structs, n)
		}
	}
	if len(structs) == 0 {
		return
	}
	read := make(map[*types.Var]bool)
	for _, f := range pass.Files {
		ast.PreorderStack(f, nil, func(n ast.Node, stack []ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				noteFieldRead(pass.TypesInfo, read, stack[len(stack)-1], sel)
			}
			return true
		})
	}
	for _, n := range structs {
		creds := credsFields(n)
		f := &fieldReadsFact{Read: []string{}, Plain: true, Unread: []string{}}
		for _, v := range creds {
			if read[v] {
				f.Read = append(f.Read, v.Name())
			}
		}
		st := n.Underlying().(*types.Struct)
		for i := 0; i < st.NumFields(); i++ {
			v := st.Field(i)
			if !v.Embedded() && v.Name() != "_" && !slices.Contains(creds, v) && !read[v] {
				f.Unread = append(f.Unread, v.Name())
			}
		}
		pass.ExportObjectFact(n.Obj(), f)
	}
}

// namedStruct is the named struct type of t or *t (by its origin), or nil.
func namedStruct(t types.Type) *types.Named {
	if t == nil {
		return nil
	}
	n, ok := types.Unalias(lintutil.Deref(t)).(*types.Named)
	if !ok {
		return nil
	}
	n = n.Origin()
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return nil
	}
	return n
}

// credsFields are the credentials fields of a named struct type, type
// matches first, in declaration order.
func credsFields(n *types.Named) []*types.Var {
	st := n.Underlying().(*types.Struct)
	var byType, byName []*types.Var
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if f.Embedded() {
			continue
		}
		switch {
		case credsType(f.Type()):
			byType = append(byType, f)
		case credsName(f.Name()) && holdsCreds(f.Type()):
			byName = append(byName, f)
		}
	}
	return append(byType, byName...)
}

// credsType reports whether t is a credentials type: per-RPC
// credentials, a credentials bundle, a token source or an oauth2 token.
func credsType(t types.Type) bool {
	if grpcapi.IsTLSConfig(t) {
		return false
	}
	return grpcapi.IsPerRPCCredentials(t) || grpcapi.IsTokenSource(t) ||
		lintutil.IsNamed(t, grpcapi.OAuth2, "Token", true) ||
		lintutil.IsNamed(t, grpcapi.Credentials, "Bundle", false)
}

// holdsCreds reports whether a field named for credentials holds them:
// whatever its type, unless the type says the field is a setting about
// auth instead: a bool or a number, an enum (a named string or integer
// type with constants of it: AuthType), a URL, a time, a TLS
// configuration, or a type whose own name is a setting's or no
// credentials' (AuthMode, Authenticator). A pointer to a struct
// (Auth *BasicAuth) or to an interface (Auth *auth.Auth), a function, a
// map, a slice: all count, and the "never read" condition keeps the rule
// precise.
func holdsCreds(t types.Type) bool {
	if grpcapi.IsTLSConfig(t) || lintutil.IsNamed(t, "net/url", "URL", true) || lintutil.IsNamed(t, "time", "Time", true) {
		return false
	}
	d := types.Unalias(lintutil.Deref(t))
	if b, ok := d.Underlying().(*types.Basic); ok && b.Info()&types.IsString == 0 {
		return false // bool, numbers, and invalid types
	}
	if n, ok := d.(*types.Named); ok && (settingName(n.Obj().Name()) || isEnum(n)) {
		return false
	}
	return true
}

// settingName reports whether a type name names a setting about auth
// (its last word is a setting's: AuthMode, TokenType) or something
// other than credentials (Authenticator, Authz).
func settingName(name string) bool {
	words := lintutil.SplitWords(name)
	if len(words) == 0 || slices.Contains(settingWords, words[len(words)-1]) {
		return true
	}
	for _, w := range words {
		if slices.Contains(notCredsWords, w) {
			return true
		}
	}
	return false
}

// isEnum reports whether n is a named string or integer type whose
// package declares constants of it.
func isEnum(n *types.Named) bool {
	if _, ok := n.Underlying().(*types.Basic); !ok || n.Obj().Pkg() == nil {
		return false
	}
	scope := n.Obj().Pkg().Scope()
	for _, name := range scope.Names() {
		if c, ok := scope.Lookup(name).(*types.Const); ok && types.Identical(c.Type(), n) {
			return true
		}
	}
	return false
}

// credsWords name credentials in a field name; settingWords, as the
// last word, name a setting about them instead (AuthMode, TokenURL).
var (
	credsWords = []string{"auth", "oauth", "oauth2", "credential", "credentials", "cred", "creds",
		"token", "tokens", "password", "passwd", "apikey"}
	settingWords = []string{"url", "uri", "endpoint", "mode", "method", "type", "kind", "enabled",
		"disabled", "required", "header", "scheme", "expiry", "ttl", "timeout", "path", "dir", "name"}
	notCredsWords = []string{"authority", "author", "authz", "authorizer", "authenticator"}
	// notCredsTokens, before "token", name tokens that are no
	// credentials (PageToken, NextToken, IdempotencyToken).
	notCredsTokens = []string{"page", "next", "continue", "continuation", "resume", "cancel",
		"cancellation", "idempotency", "sync", "request", "start", "end", "batch", "csrf"}
)

// credsName reports whether a field name names credentials.
func credsName(name string) bool {
	words := lintutil.SplitWords(name)
	if len(words) == 0 || slices.Contains(settingWords, words[len(words)-1]) {
		return false
	}
	for i, w := range words {
		if slices.Contains(notCredsWords, w) {
			return false
		}
		if (w == "token" || w == "tokens") && i > 0 && slices.Contains(notCredsTokens, words[i-1]) {
			continue
		}
		if slices.Contains(credsWords, w) || w == "api" && i+1 < len(words) && words[i+1] == "key" {
			return true
		}
	}
	return false
}

// exportFieldReads exports, for every struct type of the package with
// credentials fields, the ones the package reads.
func (c *checker) exportFieldReads() {
	scope := c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		n := namedStruct(tn.Type())
		if n == nil || n.Obj() != tn {
			continue
		}
		fields := credsFields(n)
		if len(fields) == 0 {
			continue
		}
		f := &fieldReadsFact{Read: []string{}}
		for _, v := range fields {
			if c.fieldRead[v] {
				f.Read = append(f.Read, v.Name())
			}
		}
		c.pass.ExportObjectFact(tn, f)
	}
}

// unattachedField is the credentials field, unread by the package, of a
// struct whose receiver or parameter the connection is built from
// (call's arguments read a field of it, directly or through the local
// variables they use: addr := fmt.Sprintf("%s:%d", p.Host, p.Port), or
// options appended with a field of it), or nil.
func (fs *funcState) unattachedField(call *ast.CallExpr) (*types.Var, *types.Named) {
	if fs.sig == nil {
		return nil, nil
	}
	info := fs.c.pass.TypesInfo
	roots := map[*types.Var]bool{}
	if r := fs.sig.Recv(); r != nil {
		roots[r] = true
	}
	for i := 0; i < fs.sig.Params().Len(); i++ {
		roots[fs.sig.Params().At(i)] = true
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
				if !ok || roots[v] || seen[v] || v.IsField() || fs.body == nil || !within(v.Pos(), fs.body) {
					return true
				}
				seen[v] = true
				if assigned == nil {
					assigned = localValues(info, fs.body)
				}
				work = append(work, assigned[v]...)
			case *ast.SelectorExpr:
				sel := info.Selections[n]
				if sel == nil || sel.Kind() != types.FieldVal || !roots[lintutil.RootVar(info, n.X)] {
					return true
				}
				if s := namedStruct(info.TypeOf(n.X)); s != nil {
					found, in = fs.c.unreadCredsField(s), s
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

// reportUnattached reports the connection built by entry at call
// without the credentials of field f.
func (fs *funcState) reportUnattached(call *ast.CallExpr, entry string, f *types.Var, in *types.Named) {
	s := in.Obj().Name()
	if p := in.Obj().Pkg(); p != fs.c.pass.Pkg {
		s = p.Name() + "." + s
	}
	fs.c.r.Report(analysis.Diagnostic{
		Pos: call.Fun.Pos(), End: call.Fun.End(),
		Message: "no RPC on this connection sends the configured credentials: " + entry + " gets none and " +
			s + "." + f.Name() + " is never read; attach them with grpc.WithPerRPCCredentials",
		Related: related(f.Pos(), "credentials configured here, never read"),
	})
}
