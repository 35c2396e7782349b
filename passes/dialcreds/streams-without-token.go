package dialcreds

import (
	"fmt"
	"go/token"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// ruleStreamsWithoutToken: a connection whose only credentials are a
// unary client interceptor that adds a token, used for streaming calls
// (a streaming method of a generated client built on it,
// ClientConn.NewStream; in the function or through helpers of the
// package that take the connection or the client). grpc-go runs unary
// interceptors for unary calls only: the streaming calls go out without
// the token. Reported once per interceptor option, naming the calls.
const ruleStreamsWithoutToken = "streams-without-token"

// streamFinding collects the streaming calls that skip one unary token
// interceptor option.
type streamFinding struct {
	at      token.Pos // the option
	chained bool      // a chain option
	uses    []streamUse
}

// judgeStreamsWithoutToken judges the streaming calls of the package.
func (c *checker) judgeStreamsWithoutToken() {
	byOpt := make(map[token.Pos]*streamFinding)
	for _, s := range c.sites.streams {
		for _, a := range s.conn {
			if a.b&(bAuth|bUnknown) != 0 || a.param != 0 || !a.uni.tok() || a.str.may() {
				continue
			}
			at, chained := a.uni.tokAt()
			if !at.IsValid() {
				continue
			}
			f := byOpt[at]
			if f == nil {
				f = &streamFinding{at: at, chained: chained}
				byOpt[at] = f
			}
			for _, u := range s.uses {
				if !slices.ContainsFunc(f.uses, func(x streamUse) bool { return x.at == u.at && x.method == u.method }) {
					f.uses = append(f.uses, u)
				}
			}
		}
	}
	var fs []*streamFinding
	for _, f := range byOpt {
		fs = append(fs, f)
	}
	sort.Slice(fs, func(i, j int) bool { return fs[i].at < fs[j].at })
	for _, f := range fs {
		var names []string
		for _, u := range f.uses {
			if !slices.Contains(names, u.method) {
				names = append(names, u.method)
			}
		}
		var list string
		switch {
		case len(names) == 1:
			list = names[0] + " goes"
		case len(names) <= 3:
			list = strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1] + " go"
		default:
			list = fmt.Sprintf("%s and %d more go", strings.Join(names[:3], ", "), len(names)-3)
		}
		remedy := "grpc.WithStreamInterceptor"
		if f.chained {
			remedy = "grpc.WithChainStreamInterceptor"
		}
		var rel []analysis.RelatedInformation
		for _, u := range f.uses {
			if len(rel) < 3 {
				rel = append(rel, analysis.RelatedInformation{Pos: u.at, Message: "streaming call " + u.method + " here"})
			}
		}
		c.report(ruleStreamsWithoutToken, analysis.Diagnostic{
			Pos:     f.at,
			Message: list + " out without this unary interceptor's token; add a stream interceptor with " + remedy,
			Related: rel,
		})
	}
}
