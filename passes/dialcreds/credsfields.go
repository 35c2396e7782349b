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

// Credentials fields: the fields of struct types that hold credentials
// (credsFields), and which of them the package, or the struct's own
// package through fieldReadsFact, reads; for unattached-credentials.

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
// grpc. Its syntax is walked only when it declares such a type. The
// standard library declares none: the fields its names match are a
// lexer's token (bufio.Scanner), a process's user (syscall.SysProcAttr),
// and so on, and a fact there would be decoded by every package.
func exportPlainFieldReads(pass *analysis.Pass) {
	if lintutil.InStd(pass) {
		return
	}
	var structs []*types.Named
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, spec := range gd.Specs {
				tn, ok := pass.TypesInfo.Defs[spec.(*ast.TypeSpec).Name].(*types.TypeName)
				if !ok || !tn.Exported() || tn.IsAlias() {
					continue
				}
				if n := namedStruct(tn.Type()); n != nil && n.Obj() == tn && len(credsFields(n)) > 0 {
					structs = append(structs, n)
				}
			}
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
