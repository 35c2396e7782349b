package serverauth

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// ruleValidateFirst: a known request validator runs before an auth
// interceptor on the unary side of one server. Unary interceptors run
// in order (grpc.UnaryInterceptor first, then every
// ChainUnaryInterceptor's in the order given), so the validator answers
// codes.InvalidArgument to callers without a token. The stream
// validators check messages in RecvMsg, which the handler calls after
// every stream interceptor has run: their order is no finding.
const ruleValidateFirst = "validate-first"

const (
	mwValidatorV1     = "github.com/grpc-ecosystem/go-grpc-middleware/validator"
	mwValidatorV2     = "github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/validator"
	mwProtovalidateV2 = "github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/protovalidate"
)

// unaryChains run their interceptor arguments in order: go-grpc-middleware
// v1's chain helpers (grpc.ChainUnaryInterceptor is an interceptor
// option of its own).
const (
	mwChainUnary     = mwV1 + ".ChainUnaryServer"
	mwWithUnaryChain = mwV1 + ".WithUnaryServerChain"
	mwV1             = "github.com/grpc-ecosystem/go-grpc-middleware"
)

// validators build unary request validators.
var validators = []string{
	mwValidatorV1 + ".UnaryServerInterceptor",
	mwValidatorV2 + ".UnaryServerInterceptor",
	mwProtovalidateV2 + ".UnaryServerInterceptor",
}

// interceptorArgs returns the interceptors a unary interceptor option
// call installs, in order: its arguments, or the elements of the
// slice literal a spread local variable holds; false when unknown.
func (c *checker) interceptorArgs(call *ast.CallExpr) ([]ast.Expr, bool) {
	if !call.Ellipsis.IsValid() {
		return call.Args, true
	}
	if len(call.Args) != 1 {
		return nil, false
	}
	v := c.varOf(call.Args[0])
	if v == nil || isPkgVar(v) || v.Pkg() != c.pass.Pkg {
		return nil, false
	}
	rhs, idx, ok := c.singleValue(v)
	lit, isLit := ast.Unparen(rhs).(*ast.CompositeLit)
	if !ok || idx >= 0 || !isLit {
		return nil, false
	}
	for _, e := range lit.Elts {
		if _, isKV := e.(*ast.KeyValueExpr); isKV {
			return nil, false
		}
	}
	return lit.Elts, true
}

// unarySeq returns the Seq of a unary interceptor option call.
func (c *checker) unarySeq(call *ast.CallExpr) string {
	args, ok := c.interceptorArgs(call)
	if !ok {
		return ""
	}
	var b strings.Builder
	for _, a := range args {
		if inner, ok := ast.Unparen(a).(*ast.CallExpr); ok && c.isChain(inner) {
			b.WriteString(c.unarySeq(inner))
			continue
		}
		switch {
		case c.validatorName(a, 0) != "":
			b.WriteByte('v')
		case func() bool { _, ok := c.gateInterceptor(a, 0); return ok }():
			b.WriteByte('a')
		default:
			b.WriteByte('.')
		}
	}
	return b.String()
}

// isChain reports whether call is a chain of unary interceptors whose
// order checkChainOrder judges.
func (c *checker) isChain(call *ast.CallExpr) bool {
	fn := lintutil.Callee(c.info, call)
	if fn == nil {
		return false
	}
	switch k := lintutil.FuncKey(fn); k {
	case mwChainUnary, mwWithUnaryChain:
		return true
	default:
		return interceptorOptions[k] == optChainUnary
	}
}

// validatorName names the known request validator e is (a call of a
// validator constructor, or a local variable holding one), or is "".
func (c *checker) validatorName(e ast.Expr, depth int) string {
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if fn := lintutil.Callee(c.info, x); fn != nil && slices.Contains(validators, lintutil.FuncKey(fn)) {
			return exprName(x.Fun) + "(...)"
		}
	case *ast.Ident:
		v, _ := c.info.Uses[x].(*types.Var)
		if v == nil || v.Pkg() != c.pass.Pkg || depth > 2 {
			return ""
		}
		if rhs, idx, ok := c.singleValue(v); ok && idx < 0 && c.validatorName(rhs, depth+1) != "" {
			return x.Name
		}
	}
	return ""
}

// checkChainOrder reports a validator listed before an auth
// interceptor in one grpc.ChainUnaryInterceptor call.
func (c *checker) checkChainOrder(call *ast.CallExpr) {
	args, ok := c.interceptorArgs(call)
	if !ok {
		return
	}
	var val ast.Expr
	for _, a := range args {
		if val == nil && c.validatorName(a, 0) != "" {
			val = a
			continue
		}
		if val == nil {
			continue
		}
		if name, ok := c.gateInterceptor(a, 0); ok {
			c.reportValidateFirst(val, c.validatorName(val, 0), name, a)
			return
		}
	}
}

// checkOptionOrder reports a validator installed by one option of a
// server (certainly given) that runs before an auth interceptor of a
// later one; a single option's order is checkChainOrder's.
func (c *checker) checkOptionOrder(opts []Opt) {
	type slot struct {
		o   *Opt
		seq string
	}
	var order []slot // grpc.UnaryInterceptor's runs before every chained one
	for i := range opts {
		o := &opts[i]
		switch {
		case o.Kind == optUnknown:
			return
		case o.Kind == optUnary:
			order = append([]slot{{o, o.Seq}}, order...)
		case o.Kind == optChainUnary:
			order = append(order, slot{o, o.Seq})
		}
	}
	var val *Opt
	for _, s := range order {
		if s.seq == "" {
			return // an option installing interceptors the pass cannot list
		}
		if strings.Contains(s.seq, "a") {
			if val != nil && !s.o.Maybe {
				c.reportValidateFirstOpt(val, s.o)
			}
			return // or auth runs first
		}
		if val == nil && !s.o.Maybe && strings.Contains(s.seq, "v") {
			val = s.o
		}
	}
}

func (c *checker) reportValidateFirst(val ast.Expr, valName, authName string, auth ast.Expr) {
	if c.r.InTest(val.Pos()) || !c.once(ruleValidateFirst, val.Pos()) {
		return
	}
	c.r.Report(analysis.Diagnostic{
		Pos: val.Pos(), End: val.End(),
		Message: "validator " + valName + " runs before auth interceptor " + authName + "; list auth first",
		Related: []analysis.RelatedInformation{{Pos: auth.Pos(), End: auth.End(), Message: "auth interceptor"}},
	})
}

func (c *checker) reportValidateFirstOpt(val, auth *Opt) {
	if !val.pos.IsValid() || c.r.InTest(val.pos) || !c.once(ruleValidateFirst, val.pos) {
		return
	}
	name := ""
	if auth.Auth != "" {
		name = " " + auth.Auth
	}
	d := analysis.Diagnostic{
		Pos: val.pos, End: val.end,
		Message: "validator runs before the auth interceptor" + name + " of a later option; install auth first",
	}
	if auth.pos.IsValid() {
		d.Related = []analysis.RelatedInformation{{Pos: auth.pos, End: auth.end, Message: "auth interceptor"}}
	}
	c.r.Report(d)
}
