package lintutil

import (
	"fmt"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// IgnorePrefix starts a suppression comment:
//
//	//grpcauthlint:ignore <pass>[,<pass>] <reason>
//
// on the reported line or on the line above it.
const IgnorePrefix = "//grpcauthlint:ignore"

// Policy is what a pass's configuration says about which findings it
// reports. Every pass hands its policy to NewReporter; nothing else
// filters findings by file.
type Policy struct {
	// Tests reports findings in _test.go files too (a pass's "tests"
	// option). Off, findings there are dropped and directives there
	// are not judged: they become needed once the option is turned on.
	Tests bool
}

// Reporter reports a pass's diagnostics through the suppression
// directives, the generated-file policy and the pass's Policy, in every
// front end (the vet tool, go vet -vettool and golangci-lint alike).
// Call Finish once at the end of the run: it reports directives for
// this pass that silenced nothing, and directives without a reason.
type Reporter struct {
	pass      *analysis.Pass
	policy    Policy
	files     *fileInfo
	directive map[lineKey]*directive
	order     []*directive
}

type lineKey struct {
	file string
	line int
}

type directive struct {
	*ignoreComment
	used bool
}

// NewReporter returns the reporter of pass under policy. The pass must
// require Shared, whose scan of the package's comments (text only) is
// shared by every pass.
func NewReporter(pass *analysis.Pass, policy Policy) *Reporter {
	r := &Reporter{
		pass:      pass,
		policy:    policy,
		files:     shared(pass).files(),
		directive: make(map[lineKey]*directive),
	}
	for _, c := range r.files.directives {
		if !slices.Contains(c.names, pass.Analyzer.Name) {
			continue
		}
		d := &directive{ignoreComment: c}
		r.order = append(r.order, d)
		r.directive[lineKey{c.file, c.line}] = d
	}
	return r
}

// ParseIgnore splits a //grpcauthlint:ignore comment into its pass
// names and its reason. ok is false for any other comment.
func ParseIgnore(text string) (names []string, reason string, ok bool) {
	rest, found := strings.CutPrefix(text, IgnorePrefix)
	if !found || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return nil, "", false
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return nil, "", true
	}
	for _, n := range strings.Split(fields[0], ",") {
		if n != "" {
			names = append(names, n)
		}
	}
	return names, strings.Join(fields[1:], " "), true
}

// IsTestFile reports whether name is a _test.go file. Passes judge the
// //line-adjusted name, the one their findings are reported under.
func IsTestFile(name string) bool { return strings.HasSuffix(name, "_test.go") }

// InTest reports whether pos lies in a _test.go file whose findings the
// policy drops. Passes use it for early exits; Report applies it anyway.
func (r *Reporter) InTest(pos token.Pos) bool {
	return !r.policy.Tests && IsTestFile(r.pass.Fset.Position(pos).Filename)
}

// Reportf reports a diagnostic for the range of node.
func (r *Reporter) Reportf(rng analysis.Range, format string, args ...any) {
	r.Report(analysis.Diagnostic{Pos: rng.Pos(), End: rng.End(), Message: fmt.Sprintf(format, args...)})
}

// Report reports d unless a directive on its line or the line above
// silences it, the policy drops it, or it falls in a generated file
// (generated code is fixed in its generator, not by hand).
func (r *Reporter) Report(d analysis.Diagnostic) {
	posn := r.pass.Fset.Position(d.Pos)
	if r.skipped(posn.Filename) {
		return
	}
	for _, line := range [2]int{posn.Line, posn.Line - 1} {
		if dir := r.directive[lineKey{posn.Filename, line}]; dir != nil && dir.reason != "" {
			dir.used = true
			return
		}
	}
	r.pass.Report(d)
}

// skipped reports whether findings in file are dropped by policy.
func (r *Reporter) skipped(file string) bool {
	return r.files.generated[file] || !r.policy.Tests && IsTestFile(file)
}

// Finish reports this pass's directives that have no reason or that
// silenced nothing (like staticcheck's unused lint:ignore). Directives in
// files whose findings are dropped by policy are not judged.
func (r *Reporter) Finish() {
	if FactsOnly(r.pass) {
		return // a facts-only run's findings are thrown away
	}
	name := r.pass.Analyzer.Name
	for _, d := range r.order {
		if r.skipped(d.file) {
			continue
		}
		switch {
		case d.reason == "":
			r.pass.ReportRangef(d.comment, "%s directive for %s needs a reason: %s %s <why this is safe>", IgnorePrefix, name, IgnorePrefix, name)
		case !d.used:
			r.pass.ReportRangef(d.comment, "%s directive for %s silences nothing: remove it", IgnorePrefix, name)
		}
	}
}
