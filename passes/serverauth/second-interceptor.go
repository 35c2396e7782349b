package serverauth

import (
	"fmt"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// ruleSecondInterceptor: grpc.UnaryInterceptor and
// grpc.StreamInterceptor may be given once; a second makes NewServer
// panic. Judged where a server is built, on the options it is given,
// and in the functions returning options, on the options they return:
// every server built from those panics, whoever its caller.
const ruleSecondInterceptor = "second-interceptor"

// checkOptionHelpers judges the options each function of the package
// returns.
func (c *checker) checkOptionHelpers() {
	for _, fn := range c.order {
		if sig, _ := fn.Type().(*types.Signature); sig == nil || optionResult(sig) < 0 {
			continue
		}
		if f := c.funcOptions(fn); f != nil {
			c.checkPanics(f.Opts)
		}
	}
}

// checkPanics reports a second UnaryInterceptor or StreamInterceptor
// in opts, the options of one server: given on every path, or given
// when a named condition holds, with another given on every path or
// under the same condition.
func (c *checker) checkPanics(opts []Opt) {
	for _, kind := range []optKind{optUnary, optStream} {
		var first *Opt  // the first given on every path
		var condl []Opt // those given under a named condition
		for i, o := range opts {
			switch {
			case o.Kind != kind || o.Maybe && !o.cond.known():
			case !o.Maybe && first == nil:
				first = &opts[i]
				if len(condl) > 0 {
					c.reportPanic(o, condl[0], condl[0].cond)
				}
			case !o.Maybe:
				c.reportPanic(o, *first, optCond{})
			case first != nil:
				c.reportPanic(o, *first, o.cond)
			default:
				if j := slices.IndexFunc(condl, func(p Opt) bool { return p.cond == o.cond }); j >= 0 {
					c.reportPanic(o, condl[j], o.cond)
				}
				condl = append(condl, o)
			}
		}
	}
}

// reportPanic reports o, given after first to the same server, when
// cond holds (on every path for the zero cond).
func (c *checker) reportPanic(o, first Opt, cond optCond) {
	if !c.once(ruleSecondInterceptor, o.pos) {
		return
	}
	kind := o.Kind
	related := []analysis.RelatedInformation{{Pos: first.pos, End: first.end, Message: "first grpc." + kind.String() + " here"}}
	rest := fmt.Sprintf("grpc.NewServer panics on a second grpc.%s; use grpc.Chain%s", kind, kind)
	msg := rest
	if cond.known() {
		msg = lintutil.WhenCond(cond.text, true) + rest
		if len(msg) > maxMessage {
			msg = lintutil.WhenCond("", true) + rest
		}
		related = append(related, analysis.RelatedInformation{Pos: cond.at, End: cond.end, Message: "the condition under which both are given"})
	}
	c.r.Report(analysis.Diagnostic{Pos: o.pos, End: o.end, Message: msg, Related: related})
}

// maxMessage is the longest message the pass writes.
const maxMessage = 160
