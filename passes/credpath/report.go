package credpath

import (
	"fmt"
	"go/ast"
	"go/token"
	"regexp"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// The findings of both rules: the parameter and its path, why the path
// breaks, and one remedy. What fails at run time, and the alternatives
// (Application Default Credentials, environment variables, secrets
// mounts), are in doc.go.

const remedy = "read the path from configuration"

// report reports the finding of rule at at, once.
func (c *checker) report(rule string, at ast.Expr, related []analysis.RelatedInformation, format string, args ...any) {
	k := finding{rule, at.Pos()}
	if c.seen[k] {
		return
	}
	c.seen[k] = true
	c.r.Report(analysis.Diagnostic{
		Pos:     at.Pos(),
		End:     at.End(),
		Message: fmt.Sprintf(format, args...),
		Related: related,
	})
}

// finding is the dedupe key of a finding: its rule and position.
type finding struct {
	rule string
	pos  token.Pos
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
	case envRef().MatchString(p):
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

// why says what about path p makes it fail.
func (cl class) why(p string) string {
	switch cl {
	case tilde:
		return `starts with "~", which Go does not expand`
	case envVar:
		return fmt.Sprintf("contains %s, which Go does not expand", envRef().FindString(p))
	case home:
		return "is in a home directory"
	case temp:
		return "is in a temporary directory"
	case relative:
		return "is relative"
	}
	return "is hardcoded"
}

// why says how a path breaks.
func why(p string) string { return classify(p).why(p) }

// envRef matches a shell or Windows environment variable reference.
var envRef = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|%[A-Za-z_][A-Za-z0-9_]*%`)
})
