package dialcreds

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
)

// authKind is the three-valued summary of a set of dial options.
type authKind int

const (
	kindUnknown authKind = iota // may carry credentials: never reported
	kindAuth                    // carries credentials on some path
	kindNone                    // carries none on any path
)

func (k authKind) String() string {
	switch k {
	case kindAuth:
		return "auth"
	case kindNone:
		return "none"
	}
	return "unknown"
}

// optsSummary is what a fact keeps of the options a helper returns.
type optsSummary struct {
	Kind authKind
	// Param is the index of the parameter whose options the helper adds
	// to its own ("auth if its options are"), or -1.
	Param int
	// Insecure: the options select an insecure transport on every path.
	Insecure bool
	// TLSCreds names per-RPC credentials that require transport security,
	// attached on every path through Via.
	TLSCreds string
	Via      int
	// With Kind auth from client interceptors only (no per-RPC
	// credentials on any path): what some path's unary interceptors do
	// (UniTok adds a token, UniMay may add credentials), whether a
	// stream interceptor may add them (StrMay), and whether some path
	// may carry anything (Unknown: unknown options or a parameter's).
	Interceptors bool
	UniTok       bool
	UniMay       bool
	StrMay       bool
	Unknown      bool
}

func (s optsSummary) String() string {
	var b strings.Builder
	b.WriteString(s.Kind.String())
	if s.Param >= 0 {
		fmt.Fprintf(&b, "+param%d", s.Param)
	}
	if s.Insecure {
		b.WriteString(" insecure")
	}
	if s.TLSCreds != "" {
		fmt.Fprintf(&b, " tls-creds(%s)", s.TLSCreds)
	}
	if s.Interceptors {
		b.WriteString(" interceptors")
		for _, f := range []struct {
			on   bool
			name string
		}{{s.UniTok, "unary-token"}, {s.UniMay && !s.UniTok, "unary"}, {s.StrMay, "stream"}, {s.Unknown, "unknown"}} {
			if f.on {
				b.WriteString(" " + f.name)
			}
		}
	}
	return b.String()
}

// optsFact summarises a function whose result is a grpc.DialOption or a
// []grpc.DialOption, or a package-level variable of those types.
type optsFact struct{ Summary optsSummary }

func (*optsFact) AFact()           {}
func (f *optsFact) String() string { return "dialopts(" + f.Summary.String() + ")" }

// dialerFact marks a wrapper of a dial entry point: a function that
// passes its options parameter on to NewClient, Dial or DialContext.
type dialerFact struct {
	Opts   int    // index of the options parameter
	Target int    // index of the target parameter, or -1
	Entry  string // the entry point it calls, for messages
	Base   optsSummary
	// Gateway: a grpc-gateway Register*HandlerFromEndpoint, or a wrapper
	// of one; its connections go back to the program's own server.
	Gateway bool
}

func (*dialerFact) AFact() {}
func (f *dialerFact) String() string {
	gw := ""
	if f.Gateway {
		gw = " gateway"
	}
	return fmt.Sprintf("dialer(opts=%d target=%d base=%s%s)", f.Opts, f.Target, f.Base, gw)
}

// requiresTLSFact marks a RequireTransportSecurity method that returns
// the constant true.
type requiresTLSFact struct {
	Const bool // always true; gob encodes no empty struct
}

func (*requiresTLSFact) AFact()         {}
func (*requiresTLSFact) String() string { return "requiresTLS" }

// tlsCredsFact marks a function that returns, on every path, per-RPC
// credentials that require transport security.
type tlsCredsFact struct {
	Name string // the credentials, for messages
}

func (*tlsCredsFact) AFact()           {}
func (f *tlsCredsFact) String() string { return "tlscreds(" + f.Name + ")" }

func summarize(v val) optsSummary {
	s := optsSummary{Param: -1}
	if len(v) == 0 {
		return s
	}
	auth, unknown := false, false
	connAuth, uniTok, uniMay, strMay := false, false, false, false
	params := map[int]bool{}
	allInsecure, allCreds := true, true
	for _, a := range v {
		connAuth = connAuth || a.b&bAuth != 0
		uniTok = uniTok || a.uni.tok()
		uniMay = uniMay || a.uni.may()
		strMay = strMay || a.str.may()
		auth = auth || a.b&bAuth != 0 || a.uni.may() || a.str.may()
		unknown = unknown || a.b&bUnknown != 0
		if a.param > 0 {
			params[a.param-1] = true
		}
		allInsecure = allInsecure && a.b&bInsecure != 0
		allCreds = allCreds && a.credName != ""
	}
	switch {
	case auth:
		s.Kind = kindAuth
		if !connAuth {
			s.Interceptors, s.UniTok, s.UniMay, s.StrMay = true, uniTok, uniMay, strMay
			s.Unknown = unknown || len(params) > 0
		}
		return s
	case unknown || len(params) > 1:
		s.Kind = kindUnknown
		return s
	}
	s.Kind = kindNone
	for p := range params {
		s.Param = p
	}
	s.Insecure = allInsecure
	if allCreds {
		s.TLSCreds, s.Via = v[0].credName, v[0].credVia
	}
	return s
}

// val is the value a summary stands for; at is where the options come
// in (the call of the helper, the use of the variable), for messages.
func (s optsSummary) val(what string, at token.Pos) val {
	a := alt{param: s.Param + 1}
	switch {
	case s.Kind == kindAuth && s.Interceptors:
		a.uni = half{chainTok: s.UniTok, chainMay: s.UniMay || s.UniTok}
		if s.UniTok {
			a.uni.chainTokAt = at
		}
		a.str = half{chainMay: s.StrMay}
		if s.Unknown {
			a.b |= bUnknown
		}
	case s.Kind == kindAuth:
		a.b |= bAuth
	case s.Kind == kindUnknown:
		a.b |= bUnknown
	}
	if s.Insecure {
		a.b |= bInsecure
		a.insecWhat = what
	}
	a.credName, a.credVia = s.TLSCreds, s.Via
	return val{a}
}

// exportRequiresTLS exports a fact for every RequireTransportSecurity
// method of the package that returns the constant true. It looks at
// declarations only, so it is cheap enough to run before the fast path.
func exportRequiresTLS(pass *analysis.Pass) {
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || fd.Name.Name != "RequireTransportSecurity" || fd.Body == nil {
				continue
			}
			fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			if !grpcapi.IsRequireTransportSecurity(fn.Type().(*types.Signature)) || returnsTrue(pass.TypesInfo, fd.Body) != 1 {
				continue
			}
			pass.ExportObjectFact(fn, &requiresTLSFact{Const: true})
		}
	}
}

// returnsTrue is 1 when every return statement of body (outside
// closures) returns the constant true, and there is at least one.
func returnsTrue(info *types.Info, body *ast.BlockStmt) int {
	n, ok := 0, true
	ast.Inspect(body, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			n++
			if len(x.Results) != 1 {
				ok = false
				return false
			}
			tv := info.Types[x.Results[0]]
			if tv.Value == nil || tv.Value.String() != "true" {
				ok = false
			}
		}
		return true
	})
	if ok && n > 0 {
		return 1
	}
	return 0
}
