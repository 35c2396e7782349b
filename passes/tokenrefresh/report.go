package tokenrefresh

import (
	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// report reports the fetch ft whose value is frozen at s, under the
// rule its sink makes it. The message reads alone (golangci-lint drops
// related information); where the token is kept, when on another line,
// is the related location. What fails at run time is in doc.go; the
// message says where the token is frozen and the one refreshing
// alternative for the kind of fetch (the others are in doc.go's # Good
// section).
func (c *checker) report(r *lintutil.Reporter, ft fetch, s *sink) {
	var msg string
	switch {
	case ft.holderOf != nil && !s.static:
		msg = c.keptResult(ft, s)
	case s.static:
		msg = frozenToken(ft, s)
	default:
		msg = keptToken(ft, s)
	}
	d := analysis.Diagnostic{Pos: ft.call.Pos(), End: ft.call.End(), Message: msg}
	if fset := c.pass.Fset; s.pos.IsValid() && fset.Position(s.pos).Line != fset.Position(ft.call.Pos()).Line {
		what := "the access token is kept here"
		if s.static {
			what = "the token is frozen here"
		}
		d.Related = []analysis.RelatedInformation{{Pos: s.pos, Message: what}}
	}
	r.Report(d)
}
