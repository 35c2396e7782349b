package tokenrefresh

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
)

// ParamSummary says what a function does with one of its string or
// token parameters: the flow computes it for the functions of this
// package (a token passed to a setter, a constructor or a formatting
// helper is followed through it), and tokenParamFact carries those of
// the exported functions taking a token to the packages importing them.
type ParamSummary struct {
	Index        int    // the parameter
	Access       bool   // the parameter is an access-token string, not a token (this package only)
	Kept         string // where the function keeps it, or ""
	Static       bool   // kept by a wrapper that never refreshes
	Recv         bool   // its access token stored in the receiver's fields
	Result       int    // returned as result Result, or -1
	ResultAccess bool   // returned as its access-token string
	HolderResult int    // its access token returned in a struct, or -1
	FrozenResult int    // returned in frozen credentials, or -1
	FrozenBy     string // what froze them
}

// kind is the kind of value the parameter holds.
func (p *ParamSummary) kind() valKind {
	if p.Access {
		return kString
	}
	return kToken
}

// summary computes, on demand and once, what function fn of this
// package does with its parameter i when it is a string or a token, so a
// token passed to a setter, a constructor or a formatting helper is
// followed through it. Recursive calls see no summary.
func (c *checker) summary(fn *types.Func, i int) *ParamSummary {
	key := paramKey{fn, i}
	if sum, done := c.summaries[key]; done {
		return sum
	}
	c.summaries[key] = nil // in progress
	d := c.decls[fn]
	if d == nil || d.Body == nil || c.guarded[d] || c.isRefresher(d) {
		return nil
	}
	sig := fn.Type().(*types.Signature)
	if i >= sig.Params().Len() || sig.Variadic() && i == sig.Params().Len()-1 {
		return nil
	}
	v := sig.Params().At(i)
	var k valKind
	switch t := v.Type(); {
	case grpcapi.IsString(t):
		k = kString
	case isTokenType(t):
		k = kToken
	default:
		return nil
	}
	f := c.newFlow(d, v.Pos(), true)
	f.local(v, k)
	sum := &ParamSummary{Index: i, Access: k == kString, Recv: f.recvStore,
		Result: f.wrapResult, ResultAccess: f.wrapKind == kString,
		HolderResult: f.holderResult, FrozenResult: f.frozenResult, FrozenBy: f.frozenBy}
	if f.sink != nil {
		sum.Kept, sum.Static = f.sink.what, f.sink.static
	}
	if sum.Kept == "" && !sum.Recv && sum.Result < 0 && sum.HolderResult < 0 && sum.FrozenResult < 0 {
		return nil
	}
	c.summaries[key] = sum
	return sum
}

// paramKey names parameter i of fn.
type paramKey struct {
	fn *types.Func
	i  int
}

// summaryOf returns the summary of the parameter of fn that the
// argument argIndex of call binds, if fn is a function of this package
// that keeps, stores or returns it.
func (c *checker) summaryOf(fn *types.Func, call *ast.CallExpr, argIndex int) *ParamSummary {
	if call.Ellipsis.IsValid() {
		return nil
	}
	if fn.Pkg() != c.pass.Pkg {
		return c.importedSummary(fn, argIndex)
	}
	return c.summary(fn, argIndex)
}

// summarized applies the summary of the callee fn to a value passed to
// it at the call at cur.
func (f *flow) summarized(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func, sum *ParamSummary) {
	if sum.Kept != "" {
		by := " by " + fn.Name()
		if sum.Static {
			by = " in " + fn.Name()
		}
		f.record(sink{pos: call.Pos(), what: sum.Kept + by, static: sum.Static})
	}
	if sum.Recv {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			f.storeInto(cur, sel.X, "a field of the receiver of "+fn.Name())
		}
	}
	if sum.Result >= 0 {
		k := kToken
		if sum.ResultAccess {
			k = kString
		}
		f.value(cur, k, sum.Result)
	}
	if sum.HolderResult >= 0 {
		f.value(cur, kHolder, sum.HolderResult)
	}
	if sum.FrozenResult >= 0 {
		f.frozen(cur, sum.FrozenResult, sum.FrozenBy+" in "+fn.Name(), call.Pos())
	}
}
