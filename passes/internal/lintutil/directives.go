package lintutil

// Mis-written //grpcauthlint:ignore directives: comments that look like
// a suppression but silence nothing whatever passes run, reported as
// golangci-lint's nolintlint reports a bad //nolint:
//
//   - a directive naming no pass: //grpcauthlint:ignore, or
//     //grpcauthlint:ignore <reason> whose first word is no pass;
//   - a directive naming a pass that is not in the suite
//     (//grpcauthlint:ignore metadatakeys ...): the closest name is
//     suggested;
//   - a block comment /*grpcauthlint:ignore ...*/, a space after the
//     slashes (// grpcauthlint:ignore ...), or no space after the word
//     (//grpcauthlint:ignoremetadatakey ...).
//
// A directive for a pass that needs a reason or silences nothing is that
// pass's to report (Reporter.Finish): it depends on the pass's findings
// and options. These checks do not, so exactly one pass of a run makes
// them: the front ends call analyzers.CheckDirectives on the first pass
// they run, in suite order, which calls (*Package).ReportDirectives. Generated files are skipped, as for every finding;
// test files are not (a mis-written directive there is wrong whatever
// the tests option says).

import (
	"fmt"
	"go/ast"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// ReportDirectives reports the mis-written directives of pass's package,
// p being the result of Shared for pass; suite is the pass names of the
// suite. The front ends cannot import this package:
// analyzers.CheckDirectives calls it through an interface.
func (p *Package) ReportDirectives(pass *analysis.Pass, suite []string) {
	fi := p.files()
	skip := func(c *ast.Comment) bool { return fi.generated[pass.Fset.Position(c.Slash).Filename] }
	for _, c := range fi.suspects {
		if !skip(c) {
			pass.ReportRangef(c, "%s", suspectMessage(c.Text))
		}
	}
	for _, d := range fi.directives {
		if skip(d.comment) {
			continue
		}
		var unknown []string
		for _, n := range d.names {
			if !slices.Contains(suite, n) {
				unknown = append(unknown, n)
			}
		}
		switch {
		case len(d.names) == 0:
			pass.ReportRangef(d.comment, "%s names no pass, so it silences nothing: write %s <pass> <reason> (passes: %s)",
				IgnorePrefix, IgnorePrefix, strings.Join(suite, ", "))
		default:
			for _, n := range unknown {
				if c := closest(n, suite); c != "" {
					pass.ReportRangef(d.comment, "%s names %q, which is no pass; did you mean %s?", IgnorePrefix, n, c)
				} else {
					pass.ReportRangef(d.comment, "%s names %q, which is no pass; name one of %s", IgnorePrefix, n, strings.Join(suite, ", "))
				}
			}
		}
	}
}

// directiveWord is the directive without its comment marker.
var directiveWord = strings.TrimPrefix(IgnorePrefix, "//")

// looksLikeIgnore reports whether comment text is a directive written
// so that ParseIgnore does not take it: a block comment, or spaces
// between the slashes and the word. It looks only at the comment's
// start: prose that mentions the directive is not one.
func looksLikeIgnore(text string) bool {
	body, ok := strings.CutPrefix(text, "//")
	if !ok {
		body, ok = strings.CutPrefix(text, "/*")
	}
	return ok && strings.HasPrefix(strings.TrimLeft(body, " \t"), directiveWord)
}

func suspectMessage(text string) string {
	switch {
	case strings.HasPrefix(text, "/*"):
		return fmt.Sprintf("a block comment is not a %s directive and silences nothing: write it as a line comment, %s <pass> <reason>", IgnorePrefix, IgnorePrefix)
	case !strings.HasPrefix(text, IgnorePrefix):
		return fmt.Sprintf("a space after // makes this no %s directive, so it silences nothing: write %s with no space", IgnorePrefix, IgnorePrefix)
	}
	return fmt.Sprintf("%s needs a space before the pass name; as written it silences nothing", IgnorePrefix)
}

// closest returns the name of suite nearest to name in edit distance,
// if it is near enough to be a misspelling ("" otherwise).
func closest(name string, suite []string) string {
	best, bestDist := "", len(name)/3+1
	for _, s := range suite {
		if d := editDistance(name, s); d <= bestDist && (best == "" || d < editDistance(name, best)) {
			best, bestDist = s, d
		}
	}
	if best != "" && editDistance(name, best) > max(2, len(name)/3) {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance of a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
