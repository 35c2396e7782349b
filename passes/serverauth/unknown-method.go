package serverauth

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/flow"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// ruleUnknownMethod: full method names written as strings and compared
// with the method of the current RPC (info.FullMethod, grpc.Method(ctx),
// a client interceptor's method argument), directly, in a switch, or
// held in a map or slice that is, must name a method of a service the
// package can see. Services are known by their generated
// X_Y_FullMethodName constants (protoc-gen-go-grpc 1.3 and later), in
// the package or any package it can see; strings naming other services
// are not judged.
const ruleUnknownMethod = "unknown-method"

// service is a generated service the package can see.
type service struct {
	name    string                  // "pkg.Service"
	methods map[string]*types.Const // proto method name -> its constant
}

func (c *checker) knownServices() map[string]*service {
	if c.services != nil {
		return c.services
	}
	c.services = make(map[string]*service)
	paths := make([]string, 0)
	visible := lintutil.Visible(c.pass.Pkg)
	for p := range visible {
		paths = append(paths, p)
	}
	sort.Strings(paths) // the first package to declare a constant wins
	for _, p := range paths {
		for _, fc := range grpcapi.FullMethodConsts(visible[p]) {
			s := c.services[fc.Service]
			if s == nil {
				s = &service{name: fc.Service, methods: make(map[string]*types.Const)}
				c.services[fc.Service] = s
			}
			if s.methods[fc.Method] == nil || fc.Const.Pkg() == c.pass.Pkg {
				s.methods[fc.Method] = fc.Const
			}
		}
	}
	return c.services
}

// methodParams are the method arguments of client interceptors.
func (c *checker) methodParams() map[*types.Var]bool {
	out := make(map[*types.Var]bool)
	for cur := range c.insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var sig *types.Signature
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			if fn, ok := c.info.Defs[n.Name].(*types.Func); ok {
				sig, _ = fn.Type().(*types.Signature)
			}
		case *ast.FuncLit:
			sig, _ = c.info.TypeOf(n).(*types.Signature)
		}
		if sig == nil || grpcapi.ClientInterceptor(sig) == 0 {
			continue
		}
		for i := 0; i < sig.Params().Len(); i++ {
			if p := sig.Params().At(i); grpcapi.IsString(p.Type()) {
				out[p] = true
				break
			}
		}
	}
	return out
}

// isMethod reports whether e holds the full method name of the
// current RPC.
func (c *checker) isMethod(e ast.Expr, params map[*types.Var]bool, depth int) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		for _, k := range fullMethodFields {
			if lintutil.FieldKey(c.info.Selections[x]) == k {
				return true
			}
		}
	case *ast.Ident:
		v, _ := c.info.Uses[x].(*types.Var)
		if v == nil {
			return false
		}
		if params[v] {
			return true
		}
		if depth > 2 || isPkgVar(v) {
			return false
		}
		rhs, idx, ok := c.singleValue(v)
		if !ok {
			return false
		}
		if idx == 0 {
			call, isCall := ast.Unparen(rhs).(*ast.CallExpr)
			if !isCall {
				return false
			}
			fn := lintutil.Callee(c.info, call)
			return fn != nil && slices.Contains(methodSources, lintutil.FuncKey(fn))
		}
		return idx < 0 && c.isMethod(rhs, params, depth+1)
	}
	return false
}

func (c *checker) checkMethods() {
	var params map[*types.Var]bool
	for cur := range c.insp.Root().Preorder((*ast.BinaryExpr)(nil), (*ast.SwitchStmt)(nil), (*ast.IndexExpr)(nil), (*ast.CallExpr)(nil)) {
		if params == nil {
			params = c.methodParams()
		}
		var cands []ast.Expr
		switch n := cur.Node().(type) {
		case *ast.BinaryExpr:
			if n.Op != token.EQL && n.Op != token.NEQ {
				continue
			}
			switch {
			case c.isMethod(n.X, params, 0):
				cands = c.constsOf(n.Y)
			case c.isMethod(n.Y, params, 0):
				cands = c.constsOf(n.X)
			}
		case *ast.SwitchStmt:
			if n.Tag == nil || !c.isMethod(n.Tag, params, 0) {
				continue
			}
			for _, s := range n.Body.List {
				if cc, ok := s.(*ast.CaseClause); ok {
					for _, e := range cc.List {
						cands = append(cands, c.constsOf(e)...)
					}
				}
			}
		case *ast.IndexExpr:
			if _, isMap := types.Unalias(c.info.TypeOf(n.X)).Underlying().(*types.Map); isMap && c.isMethod(n.Index, params, 0) {
				cands = c.literalItems(n.X, true)
			}
		case *ast.CallExpr:
			fn := lintutil.Callee(c.info, n)
			if fn == nil || len(n.Args) != 2 {
				continue
			}
			if k := lintutil.FuncKey(fn); (k == "slices.Contains" || k == "slices.Index") && c.isMethod(n.Args[1], params, 0) {
				cands = c.literalItems(n.Args[0], false)
			}
		}
		for _, e := range cands {
			c.judgeMethod(e)
		}
	}
}

// constsOf returns e when it is a string constant, or the items of the
// literal a range variable e ranges over.
func (c *checker) constsOf(e ast.Expr) []ast.Expr {
	if _, ok := lintutil.ConstString(c.info, e); ok {
		return []ast.Expr{e}
	}
	v := c.varOf(e)
	if v == nil || isPkgVar(v) {
		return nil
	}
	ws := flow.WriteIndex(c.pass).Writes(v)
	if len(ws) != 1 {
		return nil
	}
	rs, ok := ws[0].Cur.Node().(*ast.RangeStmt)
	if !ok {
		return nil
	}
	if _, isMap := types.Unalias(c.info.TypeOf(rs.X)).Underlying().(*types.Map); isMap {
		if rs.Key != nil && c.varOf(rs.Key) == v {
			return c.literalItems(rs.X, true)
		}
		return nil
	}
	if rs.Value != nil && c.varOf(rs.Value) == v {
		return c.literalItems(rs.X, false)
	}
	return nil
}

// literalItems returns the string constants of the literal a variable
// holds: a map's keys or a slice's elements.
func (c *checker) literalItems(e ast.Expr, keys bool) []ast.Expr {
	v := c.varOf(e)
	if v == nil || v.Pkg() != c.pass.Pkg {
		return nil
	}
	// Entries added later do not remove the literal's.
	rhs, idx, ok := c.singleIgnoringParts(v)
	lit, isLit := ast.Unparen(rhs).(*ast.CompositeLit)
	if !ok || idx >= 0 || !isLit {
		return nil
	}
	var out []ast.Expr
	for _, elt := range lit.Elts {
		item := elt
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if keys {
				item = kv.Key
			} else {
				item = kv.Value
			}
		}
		if _, ok := lintutil.ConstString(c.info, item); ok {
			out = append(out, item)
		}
	}
	return out
}

// judgeMethod reports a constant full method name that names a known
// service but no method of it, or differs from one in case or by the
// leading "/".
func (c *checker) judgeMethod(e ast.Expr) {
	s, _ := lintutil.ConstString(c.info, e)
	full := s
	noSlash := !strings.HasPrefix(s, "/")
	if noSlash {
		full = "/" + s
	}
	svcName, method, ok := grpcapi.SplitFullMethod(full)
	if !ok {
		return
	}
	services := c.knownServices()
	svc := services[svcName]
	caseDiffers := false
	if svc == nil {
		for name, other := range services {
			if strings.EqualFold(name, svcName) {
				svc, caseDiffers = other, true
				break
			}
		}
	}
	if svc == nil {
		return
	}
	k, exact := svc.methods[method]
	if !exact {
		for m, mk := range svc.methods {
			if strings.EqualFold(m, method) {
				k, method, caseDiffers = mk, m, true
				break
			}
		}
	}
	if k != nil && !noSlash && !caseDiffers || !c.once(ruleUnknownMethod, e.Pos()) {
		return // a real method (or reported already)
	}
	if k == nil {
		var ms []string
		for m := range svc.methods {
			ms = append(ms, m)
		}
		sort.Strings(ms)
		c.r.Reportf(e, "method %q matches no RPC of %s (it has %s)", s, svc.name, lintutil.List(ms))
		return
	}
	correct := "/" + svc.name + "/" + method
	why := "case differs"
	if noSlash && !caseDiffers {
		why = `no leading "/"`
	}
	repl, display := c.constRef(e.Pos(), k)
	if repl == "" {
		repl, display = strconv.Quote(correct), strconv.Quote(correct)
	}
	d := analysis.Diagnostic{
		Pos: e.Pos(), End: e.End(),
		Message: fmt.Sprintf("method %q never matches (%s); use %s", s, why, display),
	}
	if _, isLit := lintutil.StringLit(e); isLit {
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "use " + display,
			TextEdits: []analysis.TextEdit{{Pos: e.Pos(), End: e.End(), NewText: []byte(repl)}},
		}}
	}
	c.r.Report(d)
}

// constRef returns how the file at pos names the generated constant k
// (the constant's name, qualified by the file's import of its package),
// or "" when the file cannot name it without a new import.
func (c *checker) constRef(pos token.Pos, k *types.Const) (string, string) {
	if k.Pkg() == c.pass.Pkg {
		return k.Name(), k.Name()
	}
	if !k.Exported() {
		return "", ""
	}
	for _, f := range c.pass.Files {
		if f.FileStart > pos || pos > f.FileEnd {
			continue
		}
		for _, spec := range f.Imports {
			pn := c.info.PkgNameOf(spec)
			if pn != nil && pn.Imported() == k.Pkg() && pn.Name() != "_" && pn.Name() != "." {
				ref := pn.Name() + "." + k.Name()
				return ref, ref
			}
		}
	}
	return "", ""
}
