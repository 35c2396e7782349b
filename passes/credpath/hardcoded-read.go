package credpath

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"
)

// ruleHardcodedRead: a file read from a constant path whose bytes reach
// a parameter that parses credentials. Reported at the path, with the
// parser as the second location.
const ruleHardcodedRead = "hardcoded-read"

// checkBytes reports the read of a constant path whose bytes arg, an
// argument or field value of parser, holds.
func (c *checker) checkBytes(arg ast.Expr, p param, parser string) {
	rd := c.bytesOf(arg, 0)
	if rd == nil || c.exempt(rd.path, p) {
		return
	}
	related := []analysis.RelatedInformation{{Pos: arg.Pos(), End: arg.End(), Message: "parsed by " + parser}}
	c.report(ruleHardcodedRead, rd.at, related, "%s %q %s; %s", p.what, rd.path, classify(rd.path).why(rd.path), remedy)
}
