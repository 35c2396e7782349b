package dialcreds

import "golang.org/x/tools/go/analysis"

// ruleReplacedInterceptor: a client interceptor that adds a token, given
// with grpc.WithUnaryInterceptor (WithStreamInterceptor) and followed on
// the same connection by another WithUnaryInterceptor
// (WithStreamInterceptor) that adds none. The option only sets a field:
// grpc-go keeps the last, so the token is never sent. The chain options
// add to the interceptor set with it.
const ruleReplacedInterceptor = "replaced-interceptor"

// judgeReplacedInterceptor judges the options of a connection.
func (c *checker) judgeReplacedInterceptor(d *dialSite) {
	for _, a := range d.opts {
		for _, h := range []struct {
			half
			opt, chain string
		}{{a.uni, "grpc.WithUnaryInterceptor", "grpc.WithChainUnaryInterceptor"}, {a.str, "grpc.WithStreamInterceptor", "grpc.WithChainStreamInterceptor"}} {
			if !h.lostAt.IsValid() {
				continue
			}
			c.report(ruleReplacedInterceptor, analysis.Diagnostic{
				Pos:     h.lostAt,
				Message: "a later " + h.opt + " replaces this token interceptor; pass both to " + h.chain,
				Related: related(h.lostBy, "replaced by this option"),
			})
		}
	}
}
