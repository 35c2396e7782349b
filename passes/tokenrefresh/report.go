package tokenrefresh

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// report reports the fetch ft whose value is frozen at s. The message
// reads alone (golangci-lint drops related information); where the
// token is kept, when on another line, is the related location.
func (c *checker) report(r *lintutil.Reporter, ft fetch, s *sink) {
	d := analysis.Diagnostic{Pos: ft.call.Pos(), End: ft.call.End(), Message: message(ft, s)}
	if fset := c.pass.Fset; s.pos.IsValid() && fset.Position(s.pos).Line != fset.Position(ft.call.Pos()).Line {
		what := "the access token is kept here"
		if s.static {
			what = "the token is frozen here"
		}
		d.Related = []analysis.RelatedInformation{{Pos: s.pos, Message: what}}
	}
	r.Report(d)
}

// message says what fails at run time, where the token is frozen, and
// the one refreshing alternative for the kind of fetch (the others are
// in doc.go's # Good section).
func message(ft fetch, s *sink) string {
	kind := ft.kind
	if ft.holderOf != nil && !s.static {
		return fmt.Sprintf("calls fail with Unauthenticated once the access token in %s's result expires: it is kept in %s; call %s for each use instead", ft.holderOf.Name(), s.what, ft.holderOf.Name())
	}
	if s.static {
		alt := "oauth.TokenSource{TokenSource: ts}"
		switch kind {
		case fetchConfig:
			alt = "oauth.TokenSource{TokenSource: cfg.TokenSource(ctx, tok)}"
		case fetchClientCreds:
			alt = "oauth.TokenSource{TokenSource: cfg.TokenSource(ctx)}"
		}
		return fmt.Sprintf("calls fail with Unauthenticated once this token expires: it is frozen by %s; use %s", s.what, alt)
	}
	alt := "fetch it per call from the token source"
	switch kind {
	case fetchConfig:
		alt = "fetch it per call from cfg.TokenSource(ctx, tok)"
	case fetchClientCreds:
		alt = "fetch it per call from cfg.TokenSource(ctx)"
	case fetchCloud:
		alt = "call the token provider's Token per call"
	}
	return fmt.Sprintf("calls fail with Unauthenticated once this access token expires: it is kept in %s; %s", s.what, alt)
}
