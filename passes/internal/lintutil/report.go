package lintutil

import (
	"fmt"
	"go/ast"
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

// Reporter reports a pass's diagnostics through the suppression
// directives and the generated-file policy, in every front end (the vet
// tool, go vet -vettool and golangci-lint alike). Call Finish once at the
// end of the run: it reports directives for this pass that silenced
// nothing, and directives without a reason.
type Reporter struct {
	// SkipTests drops findings in _test.go files (a pass's "tests"
	// option turns them back on).
	SkipTests bool

	pass      *analysis.Pass
	directive map[lineKey]*directive
	generated map[string]bool // file name -> generated
	order     []*directive
}

type lineKey struct {
	file string
	line int
}

type directive struct {
	file    string
	comment *ast.Comment
	reason  string
	used    bool
}

// NewReporter scans the comments of the pass's files for directives that
// name this pass. The scan reads comment text only.
func NewReporter(pass *analysis.Pass) *Reporter {
	r := &Reporter{
		pass:      pass,
		directive: make(map[lineKey]*directive),
		generated: make(map[string]bool),
	}
	name := pass.Analyzer.Name
	for _, f := range pass.Files {
		// Files, lines and generated status are keyed by the positions
		// diagnostics are reported at: //line-adjusted, so a cgo package,
		// whose files the driver may hand over as cmd/cgo output mapped
		// back to the user's file, is judged as the user's file.
		fname := pass.Fset.Position(f.Package).Filename
		physical := pass.Fset.File(f.Pos()).Name()
		r.generated[fname] = ast.IsGenerated(f) && fname == physical
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				names, reason, ok := ParseIgnore(c.Text)
				if !ok || !slices.Contains(names, name) {
					continue
				}
				posn := pass.Fset.Position(c.Slash)
				d := &directive{file: posn.Filename, comment: c, reason: reason}
				r.order = append(r.order, d)
				r.directive[lineKey{posn.Filename, posn.Line}] = d
			}
		}
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

// Reportf reports a diagnostic for the range of node.
func (r *Reporter) Reportf(rng analysis.Range, format string, args ...any) {
	r.Report(analysis.Diagnostic{Pos: rng.Pos(), End: rng.End(), Message: fmt.Sprintf(format, args...)})
}

// Report reports d unless a directive on its line or the line above
// silences it, or it falls in a generated file (generated code is fixed
// in its generator, not by hand).
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
	return r.generated[file] || r.SkipTests && strings.HasSuffix(file, "_test.go")
}

// Finish reports this pass's directives that have no reason or that
// silenced nothing (like staticcheck's unused lint:ignore). Directives in
// files whose findings are dropped by policy are not judged.
func (r *Reporter) Finish() {
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
