package serverauth

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// ruleAuthzPolicy: a static authorization policy given to
// authz.NewStatic (google.golang.org/grpc/authz) that NewStatic rejects,
// or whose request paths never match a method. The policy is read when
// it is a constant, a variable whose only value is one, or a file
// embedded with //go:embed. grpc-go matches each path against the
// full method name "/pkg.Service/Method": exactly, as a prefix when it
// ends in "*", as a suffix when it starts with "*", anything for "*"
// (authz/rbac_translator.go, getStringMatcher); nothing is normalised.
const ruleAuthzPolicy = "authz-policy"

const authzNewStatic = grpcapi.GRPC + "/authz.NewStatic"

// The policy as authz/rbac_translator.go decodes it (encoding/json,
// unknown fields rejected, field names matched without case).
type azPolicy struct {
	Name                string
	DenyRules           []azRule `json:"deny_rules"`
	AllowRules          []azRule `json:"allow_rules"`
	AuditLoggingOptions struct {
		AuditCondition string `json:"audit_condition"`
		AuditLoggers   []struct {
			Name       string          `json:"name"`
			Config     json.RawMessage `json:"config"`
			IsOptional bool            `json:"is_optional"`
		} `json:"audit_loggers"`
	} `json:"audit_logging_options"`
}

type azRule struct {
	Name   string
	Source struct {
		Principals []string
	}
	Request struct {
		Paths   []string
		Headers []struct {
			Key    string
			Values []string
		}
	}
}

var azUnsupportedHeaders = map[string]bool{
	"host": true, "connection": true, "keep-alive": true, "proxy-authenticate": true,
	"proxy-authorization": true, "te": true, "trailer": true, "transfer-encoding": true, "upgrade": true,
}

var azConditions = map[string]bool{"NONE": true, "ON_DENY": true, "ON_ALLOW": true, "ON_DENY_AND_ALLOW": true}

// azValidate returns the error NewStatic returns for policy, in its
// words, or "" when it loads. Audit loggers are looked up in a registry
// at run time: not judged.
func azValidate(policy string) (*azPolicy, string) {
	p := &azPolicy{}
	d := json.NewDecoder(bytes.NewReader([]byte(policy)))
	d.DisallowUnknownFields()
	if err := d.Decode(p); err != nil {
		return nil, "failed to unmarshal policy: " + err.Error()
	}
	if p.Name == "" {
		return nil, `"name" is not present`
	}
	if len(p.AllowRules) == 0 {
		return nil, `"allow_rules" is not present`
	}
	if c := p.AuditLoggingOptions.AuditCondition; c != "" && !azConditions[c] {
		return nil, "failed to parse AuditCondition " + c
	}
	for i, l := range p.AuditLoggingOptions.AuditLoggers {
		if l.Name == "" {
			return nil, fmt.Sprintf("missing required field: name in audit_logging_options.audit_loggers[%d]", i)
		}
	}
	for _, set := range []struct {
		field string
		rules []azRule
	}{{"deny_rules", p.DenyRules}, {"allow_rules", p.AllowRules}} {
		for i, r := range set.rules {
			if r.Name == "" {
				return nil, fmt.Sprintf(`%q %d: "name" is not present`, set.field, i)
			}
			for j, h := range r.Request.Headers {
				key := strings.ToLower(h.Key)
				switch {
				case key == "":
					return nil, fmt.Sprintf(`%q %d: "headers" %d: "key" is not present`, set.field, i, j)
				case key[0] == ':' || strings.HasPrefix(key, "grpc-") || azUnsupportedHeaders[key]:
					return nil, fmt.Sprintf(`%q %d: "headers" %d: unsupported "key" %s`, set.field, i, j, key)
				case len(h.Values) == 0:
					return nil, fmt.Sprintf(`%q %d: "headers" %d: "values" is not present`, set.field, i, j)
				}
			}
		}
	}
	return p, ""
}

// policyText is a policy the analyzer can read, and where it is
// written: lit is the string literal holding it (nil for an embedded
// file), at the node findings go to.
type policyText struct {
	text string
	lit  *ast.BasicLit
	at   ast.Node
}

// checkAuthzPolicy judges the policy of an authz.NewStatic call.
func (c *checker) checkAuthzPolicy(call *ast.CallExpr) {
	if len(call.Args) != 1 {
		return
	}
	for _, src := range c.policiesOf(call.Args[0], 0) {
		c.judgePolicy(src)
	}
}

// judgePolicy judges one policy text.
func (c *checker) judgePolicy(src policyText) {
	p, bad := azValidate(src.text)
	if bad != "" {
		if c.once(ruleAuthzPolicy, src.at.Pos()) {
			c.r.Reportf(src.at, "authz policy does not load: %s; NewStatic returns this error", bad)
		}
		return
	}
	for _, set := range []struct {
		kind  string
		rules []azRule
	}{{"deny", p.DenyRules}, {"allow", p.AllowRules}} {
		for _, r := range set.rules {
			for _, path := range r.Request.Paths {
				why, use := c.judgePath(path)
				if why == "" {
					continue
				}
				at := c.pathNode(src, path)
				if !c.once(ruleAuthzPolicy, at.Pos()) {
					continue
				}
				msg := fmt.Sprintf("path %q of %s rule %q never matches: %s", path, set.kind, r.Name, why)
				if use != "" {
					msg += "; use " + strconv.Quote(use)
				}
				c.r.Reportf(at, "%s", msg)
			}
		}
	}
}

// judgePath says why a policy path matches no method (and what to
// write instead, when known), or returns "" when it may match one.
func (c *checker) judgePath(path string) (why, use string) {
	if path == "" || strings.HasPrefix(path, "*") {
		return "", "" // "*" or a suffix: any service may end so
	}
	prefix := strings.HasSuffix(path, "*")
	body := strings.TrimSuffix(path, "*")
	if !strings.HasPrefix(body, "/") {
		fixed := "/" + path
		if why, use := c.judgePath(fixed); why != "" {
			return `no leading "/", and ` + why, use
		}
		return `method names start with "/"`, fixed
	}
	svcName, rest, hasMethod := strings.Cut(body[1:], "/")
	if !hasMethod {
		if prefix {
			return "", ""
		}
		return "it names a service, not a method", path + "/*"
	}
	svc, caseDiffers := c.knownServices()[svcName], false
	if svc == nil {
		for name, other := range c.knownServices() {
			if strings.EqualFold(name, svcName) {
				svc, caseDiffers = other, true
				break
			}
		}
	}
	if svc == nil {
		return "", "" // a service the package cannot see
	}
	methods := make([]string, 0, len(svc.methods))
	for m := range svc.methods {
		methods = append(methods, m)
	}
	sort.Strings(methods)
	match := func(m string, fold bool) bool {
		if prefix {
			return strings.HasPrefix(m, rest) || fold && len(m) >= len(rest) && strings.EqualFold(m[:len(rest)], rest)
		}
		return m == rest || fold && strings.EqualFold(m, rest)
	}
	for _, m := range methods {
		if match(m, false) && !caseDiffers {
			return "", ""
		}
	}
	for _, m := range methods {
		if match(m, true) {
			right := "/" + svc.name + "/" + m
			if prefix {
				right = "/" + svc.name + "/" + m[:len(rest)] + "*"
			}
			return "case differs", right
		}
	}
	return fmt.Sprintf("%s has no method %s (it has %s)", svc.name, rest, strings.Join(methods, ", ")), ""
}

// pathNode returns where to report path: the path's quoted text inside
// a raw string literal, else the policy.
func (c *checker) pathNode(src policyText, path string) ast.Node {
	if src.lit == nil || !strings.HasPrefix(src.lit.Value, "`") {
		return src.at
	}
	q := strconv.Quote(path)
	i := strings.Index(src.lit.Value, q)
	if i < 0 || strings.Count(src.lit.Value, q) != 1 {
		return src.at
	}
	pos := src.lit.Pos() + token.Pos(i)
	return rangeNode{pos, pos + token.Pos(len(q))}
}

// rangeNode is a position range to report.
type rangeNode struct{ pos, end token.Pos }

func (r rangeNode) Pos() token.Pos { return r.pos }
func (r rangeNode) End() token.Pos { return r.end }

// policiesOf reads the policy strings e may hold: its own, or those of
// the arguments every call in the package passes for a parameter e.
func (c *checker) policiesOf(e ast.Expr, depth int) []policyText {
	if src, ok := c.policyOf(e, depth); ok {
		return []policyText{src}
	}
	v := c.varOf(e)
	if v == nil || isPkgVar(v) || v.Pkg() != c.pass.Pkg || depth > 3 || c.definedHere(v) {
		return nil
	}
	fn, idx := c.paramOf(v)
	if fn == nil {
		return nil
	}
	var out []policyText
	for cur := range c.insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if lintutil.Callee(c.info, call) != fn || idx >= len(call.Args) || call.Ellipsis.IsValid() {
			continue
		}
		out = append(out, c.policiesOf(call.Args[idx], depth+1)...)
	}
	return out
}

// paramOf returns the function of this package declaring parameter v,
// and v's index, or nil.
func (c *checker) paramOf(v *types.Var) (*types.Func, int) {
	for _, fn := range c.order {
		params := fn.Signature().Params()
		for i := 0; i < params.Len(); i++ {
			if params.At(i) == v {
				if fn.Signature().Variadic() && i == params.Len()-1 {
					return nil, 0
				}
				return fn, i
			}
		}
	}
	return nil, 0
}

// policyOf reads the policy string e holds.
func (c *checker) policyOf(e ast.Expr, depth int) (policyText, bool) {
	e = ast.Unparen(e)
	if depth > 3 {
		return policyText{}, false
	}
	if s, ok := lintutil.ConstString(c.info, e); ok {
		src := policyText{text: s, at: e}
		switch x := e.(type) {
		case *ast.BasicLit:
			src.lit = x
		case *ast.Ident, *ast.SelectorExpr:
			if k, ok := c.info.Uses[identOf(x)].(*types.Const); ok {
				if v := c.constValue(k); v != nil {
					src.lit, _ = ast.Unparen(v).(*ast.BasicLit)
					src.at = v
				}
			}
		}
		return src, true
	}
	switch x := e.(type) {
	case *ast.CallExpr: // string(b)
		if tv, ok := c.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return c.policyOf(x.Args[0], depth+1)
		}
	case *ast.Ident, *ast.SelectorExpr:
		v := c.varOf(x)
		if v == nil || v.Pkg() != c.pass.Pkg {
			return policyText{}, false
		}
		if text, spec, ok := c.embedded(v); ok {
			return policyText{text: text, at: spec}, true
		}
		if rhs, idx, ok := c.singleValue(v); ok && idx < 0 {
			return c.policyOf(rhs, depth+1)
		}
	}
	return policyText{}, false
}

func identOf(e ast.Expr) *ast.Ident {
	if sel, ok := e.(*ast.SelectorExpr); ok {
		return sel.Sel
	}
	id, _ := e.(*ast.Ident)
	return id
}

// constValue returns the expression a constant of this package is
// declared with.
func (c *checker) constValue(k *types.Const) ast.Expr {
	if k.Pkg() != c.pass.Pkg {
		return nil
	}
	for _, f := range c.pass.Files {
		if f.FileStart > k.Pos() || k.Pos() > f.FileEnd {
			continue
		}
		var out ast.Expr
		ast.Inspect(f, func(n ast.Node) bool {
			spec, ok := n.(*ast.ValueSpec)
			if !ok || out != nil {
				return out == nil
			}
			for i, name := range spec.Names {
				if c.info.Defs[name] == k && i < len(spec.Values) && len(spec.Values) == len(spec.Names) {
					out = spec.Values[i]
				}
			}
			return false
		})
		return out
	}
	return nil
}

// embedded returns the contents of the one file a package variable of
// type string or []byte embeds (//go:embed with one file name), and
// its name in the declaration.
func (c *checker) embedded(v *types.Var) (string, ast.Node, bool) {
	if !isPkgVar(v) {
		return "", nil, false
	}
	for _, f := range c.pass.Files {
		if f.FileStart > v.Pos() || v.Pos() > f.FileEnd {
			continue
		}
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, s := range gd.Specs {
				spec := s.(*ast.ValueSpec)
				if len(spec.Names) != 1 || c.info.Defs[spec.Names[0]] != v || len(spec.Values) > 0 {
					continue
				}
				doc := spec.Doc
				if doc == nil && len(gd.Specs) == 1 {
					doc = gd.Doc
				}
				name, ok := embedName(doc)
				if !ok {
					return "", nil, false
				}
				file := filepath.Join(filepath.Dir(c.pass.Fset.File(f.FileStart).Name()), filepath.FromSlash(name))
				data, err := os.ReadFile(file)
				if err != nil {
					return "", nil, false
				}
				return string(data), spec.Names[0], true
			}
		}
	}
	return "", nil, false
}

// embedName returns the one plain file name of a //go:embed directive.
func embedName(doc *ast.CommentGroup) (string, bool) {
	if doc == nil {
		return "", false
	}
	var names []string
	for _, cm := range doc.List {
		if rest, ok := strings.CutPrefix(cm.Text, "//go:embed "); ok {
			names = append(names, strings.Fields(rest)...)
		}
	}
	if len(names) != 1 || strings.ContainsAny(names[0], "*?[\"`") || strings.HasPrefix(names[0], "all:") {
		return "", false
	}
	return names[0], true
}
