package dialcreds

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// The rule "configured credentials never attached": a connection without
// credentials built from a receiver or parameter (its target or options
// read a field of it) whose struct type carries credentials, in a field
// the package never reads: the credentials were configured (parsed from
// a file, set by a constructor) and forgotten.
//
// A credentials field has a credentials type (per-RPC credentials, a
// token source, an *oauth2.Token) or a name for auth, credentials, a
// token, an API key or a password, with a type that can hold one (not a
// bool or a number, and not a name for a setting about auth: AuthMode,
// TokenURL, Authority).
//
// Which reads count. Any read of the field in the package, anywhere (to
// build per-call credentials, to log it), means it is used. For a struct
// declared in another package, its reads there count too: that package
// exports them as a fact (fieldReadsFact), and without the fact (the
// package was not analysed past the fast path: it cannot see grpc)
// nothing is reported. An unexported field can only be read in its own
// package, so those reads are all there is. An exported field can also
// be read by importers of its package; those reads are not seen, and do
// not matter much: an importer cannot attach the credentials to a
// connection whose options are all visible here, except as metadata on
// the contexts it passes to the connection's RPCs (a documented miss).

// fieldReadsFact lists the credentials fields of a struct type that its
// declaring package reads, exported for every struct type with such
// fields.
type fieldReadsFact struct {
	Read []string
}

func (*fieldReadsFact) AFact() {}
func (f *fieldReadsFact) String() string {
	return "fieldreads(" + strings.Join(f.Read, ",") + ")"
}

// noteFieldRead records the field selections of the package that read
// the field: all but the left side of a plain assignment.
func (c *checker) noteFieldRead(cur inspector.Cursor, n *ast.SelectorExpr) {
	sel := c.pass.TypesInfo.Selections[n]
	if sel == nil || sel.Kind() != types.FieldVal {
		return
	}
	switch p := cur.Parent().Node().(type) {
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
		c.fieldRead[v.Origin()] = true
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

// holdsCreds reports whether a field of type t can hold the
// credentials its name names: a string, a byte slice, a function, a
// string map, or a named type (or pointer to one) whose own name names
// credentials (the module's AuthConfig, Credentials); not a bool, a
// number, a TLS configuration or a client of some service.
func holdsCreds(t types.Type) bool {
	if grpcapi.IsTLSConfig(t) {
		return false
	}
	if n, ok := types.Unalias(lintutil.Deref(t)).(*types.Named); ok {
		if b, ok := n.Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
			return true
		}
		return credsName(n.Obj().Name())
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	case *types.Signature:
		return true
	case *types.Map:
		return grpcapi.IsString(u.Key()) && grpcapi.IsString(u.Elem())
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
	words := splitWords(name)
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

// splitWords splits a Go identifier into lower-case words at case
// changes and underscores: "APIKey" -> api key, "authToken" -> auth token.
func splitWords(s string) []string {
	var words []string
	rs := []rune(s)
	start := 0
	flush := func(end int) {
		if end > start {
			words = append(words, strings.ToLower(string(rs[start:end])))
		}
		start = end
	}
	for i := 0; i < len(rs); i++ {
		switch {
		case rs[i] == '_':
			flush(i)
			start = i + 1
		case i > start && unicode.IsUpper(rs[i]) &&
			(unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1])):
			flush(i)
		}
	}
	flush(len(rs))
	return words
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
// (call's arguments read a field of it), or nil.
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
	for _, a := range call.Args {
		ast.Inspect(a, func(n ast.Node) bool {
			if found != nil {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
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
		if found != nil {
			return found, in
		}
	}
	return nil, nil
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
	for _, f := range fields {
		switch {
		case c.fieldRead[f], slices.Contains(theirs.Read, f.Name()):
		default:
			return f
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
