package credpath

import (
	"fmt"
	"go/ast"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// The findings: what fails at run time, the parameter and its path, why
// the path breaks, and one remedy. The alternatives (Application Default
// Credentials, environment variables, secrets mounts) are in doc.go's
// Good section.

const remedy = "read the path from configuration"

func (c *checker) checkPath(arg ast.Expr, p param, setenv bool) {
	value, ok := c.pathOf(arg, 0)
	if !ok || c.exempt(value, p) {
		return
	}
	cl := classify(value)
	if setenv {
		c.report(arg, nil, "%s: %s path %q %s; set the variable outside the program", cl.fails(), adcEnv, value, cl.why(value))
		return
	}
	c.report(arg, nil, "%s: %s path %q %s; %s", cl.fails(), p.what, value, cl.why(value), remedy)
}

// checkBytes reports the read of a constant path whose bytes arg, an
// argument or field value of parser, holds: at the path, with the
// parser as the second location.
func (c *checker) checkBytes(arg ast.Expr, p param, parser string) {
	rd := c.bytesOf(arg, 0)
	if rd == nil || c.exempt(rd.path, p) {
		return
	}
	cl := classify(rd.path)
	related := []analysis.RelatedInformation{{Pos: arg.Pos(), End: arg.End(), Message: "parsed by " + parser}}
	c.report(rd.at, related, "%s: %s path %q, read here, %s; %s", cl.fails(), p.what, rd.path, cl.why(rd.path), remedy)
}

// report reports once per position.
func (c *checker) report(at ast.Expr, related []analysis.RelatedInformation, format string, args ...any) {
	if c.seen[at.Pos()] {
		return
	}
	c.seen[at.Pos()] = true
	c.r.Report(analysis.Diagnostic{
		Pos:     at.Pos(),
		End:     at.End(),
		Message: fmt.Sprintf(format, args...),
		Related: related,
	})
}

// class is how a constant path breaks.
type class int

const (
	fixed    class = iota // absolute, elsewhere
	tilde                 // starts with "~"
	envVar                // contains $VAR or %VAR%
	home                  // in a home directory
	temp                  // in a temporary directory
	relative              // relative to the working directory
)

func classify(p string) class {
	switch {
	case p == "~" || strings.HasPrefix(p, "~/") || strings.HasPrefix(p, `~\`):
		return tilde
	case envRef.MatchString(p):
		return envVar
	case isHome(p):
		return home
	case isTemp(p):
		return temp
	case !isAbs(p):
		return relative
	}
	return fixed
}

// fails says what fails at run time.
func (cl class) fails() string {
	switch cl {
	case tilde, envVar:
		return "loading fails everywhere"
	case home:
		return "loading fails on every other machine"
	case temp:
		return "loading fails on other machines and after a cleanup"
	case relative:
		return "loading fails when the program starts in another directory"
	}
	return "loading fails wherever the file is deployed at another path"
}

// why says what about path p makes it fail.
func (cl class) why(p string) string {
	switch cl {
	case tilde:
		return `starts with "~", which Go does not expand`
	case envVar:
		return fmt.Sprintf("contains %s, which Go does not expand", envRef.FindString(p))
	case home:
		return "is in one user's home directory"
	case temp:
		return "is in a temporary directory"
	case relative:
		return "is relative"
	}
	return "is fixed in the code"
}

// why says how a path breaks.
func why(p string) string { return classify(p).why(p) }

// envRef matches a shell or Windows environment variable reference.
var envRef = regexp.MustCompile(`\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|%[A-Za-z_][A-Za-z0-9_]*%`)
