package lintrun

import (
	"fmt"
	"go/ast"
	"go/types"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/types/typeutil"
)

// wrapsFact marks a function that calls Bad, directly or through
// another wrapper.
type wrapsFact struct{}

func (*wrapsFact) AFact()         {}
func (*wrapsFact) String() string { return "wraps bad" }

// badCalls is the harness's own analyzer: it reports each call of a
// function named Bad* (offering to call Good instead) or of a function
// with a wrapsFact, and exports the fact for the functions named Wrap*
// that make such calls.
var badCalls = &analysis.Analyzer{
	Name:             "badcalls",
	Doc:              "report calls of Bad",
	FactTypes:        []analysis.Fact{new(wrapsFact)},
	RunDespiteErrors: true,
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			for _, decl := range f.Decls {
				fd, _ := decl.(*ast.FuncDecl)
				ast.Inspect(decl, func(n ast.Node) bool {
					call, ok := n.(*ast.CallExpr)
					if !ok {
						return true
					}
					fn, _ := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
					if fn == nil || !(strings.HasPrefix(fn.Name(), "Bad") || pass.ImportObjectFact(fn, new(wrapsFact))) {
						return true
					}
					d := analysis.Diagnostic{Pos: call.Pos(), Message: "call of " + fn.Name()}
					if sel, ok := call.Fun.(*ast.SelectorExpr); ok && fn.Name() == "Bad" {
						d.SuggestedFixes = []analysis.SuggestedFix{{Message: "call Good", TextEdits: []analysis.TextEdit{{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("Good")}}}}
					}
					pass.Report(d)
					if fd != nil && strings.HasPrefix(fd.Name.Name, "Wrap") {
						if obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
							pass.ExportObjectFact(obj, new(wrapsFact))
						}
					}
					return true
				})
			}
		}
		return nil, nil
	},
}

// errRecorder keeps what a run reports, as analysistest.Testing.
type errRecorder struct{ errs []string }

func (r *errRecorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func harnessSrc(t *testing.T) string {
	t.Helper()
	src, err := filepath.Abs(filepath.Join("testdata", "src"))
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// TestHarness checks that Run and RunWithSuggestedFixes pass what
// meets its expectations and fail, at the right place, what does not.
func TestHarness(t *testing.T) {
	src := harnessSrc(t)
	for _, tt := range []struct {
		pkg   string
		fixes bool
		want  []string // regexps, one per reported error, in any order
	}{
		{pkg: "ok"},
		{pkg: "lib"},
		{pkg: "typeerr"},
		{pkg: "golden", fixes: true},
		{pkg: "missing", want: []string{"^missing/missing.go:3: no diagnostic was reported matching `call of Bad`$"}},
		{pkg: "extra", want: []string{`^extra/extra.go:6:2: unexpected diagnostic: call of Bad$`}},
		{pkg: "wrongfact", want: []string{"^wrongfact/wrongfact.go:5:6: fact \"wraps bad\" does not match pattern `wraps good`$", "^wrongfact/wrongfact.go:5: no fact was reported matching `wraps good`$"}},
		{pkg: "badgolden", fixes: true, want: []string{`(?s)^all fixes: unexpected .*badgolden/badgolden.go content:.*lib.Good\(\).*lib.Fine\(\)`}},
		{pkg: "nosuchpkg", want: []string{`^loading \[nosuchpkg\]: cannot find package "nosuchpkg"`}},
	} {
		t.Run(tt.pkg, func(t *testing.T) {
			var rec errRecorder
			var results []*Result
			if tt.fixes {
				results = RunWithSuggestedFixes(&rec, []string{src}, badCalls, tt.pkg)
			} else {
				results = Run(&rec, []string{src}, badCalls, tt.pkg)
			}
			got := normalize(src, rec.errs)
			if len(got) != len(tt.want) {
				t.Fatalf("reported %d errors, want %d:\n%s", len(got), len(tt.want), strings.Join(got, "\n"))
			}
			for _, w := range tt.want {
				rx := regexp.MustCompile(w)
				if !slices.ContainsFunc(got, rx.MatchString) {
					t.Errorf("no error matches %s; got:\n%s", w, strings.Join(got, "\n"))
				}
			}
			if tt.pkg == "nosuchpkg" {
				return
			}
			if len(results) == 0 {
				t.Fatal("no results")
			}
		})
	}
}

// TestHarnessVariants checks the package variants a pattern names: the
// package, its test variant (the in-package test files merged in) and
// its external test package, as go list -test lists them, each
// analyzed against the wants of its own files; the file a build
// constraint and the one a GOOS suffix exclude are not loaded.
func TestHarnessVariants(t *testing.T) {
	var rec errRecorder
	results := Run(&rec, []string{harnessSrc(t)}, badCalls, "ok")
	if len(rec.errs) > 0 {
		t.Fatalf("errors: %q", rec.errs)
	}
	var ids []string
	for _, r := range results {
		ids = append(ids, r.Action.Package.ID)
		for _, f := range r.Action.Package.Syntax {
			if name := filepath.Base(r.Pass.Fset.File(f.Pos()).Name()); name == "ignored.go" || name == "ok_windows.go" {
				t.Errorf("%s: %s is loaded", r.Action.Package.ID, name)
			}
		}
	}
	if want := []string{"ok", "ok [ok.test]", "ok_test [ok.test]"}; !slices.Equal(ids, want) {
		t.Errorf("roots %q, want %q", ids, want)
	}
	// Facts flow from the dependency and stay on the variant that
	// exports them.
	if n := len(results[0].Facts); n != 1 {
		t.Errorf("ok: %d facts, want 1 (WrapLib)", n)
	}
}

// TestTypeErrorsReported: a package that does not type-check is loaded
// with its errors, marked ill-typed, and analyzed by an analyzer that
// runs despite errors; one that does not is reported as skipped.
func TestTypeErrorsReported(t *testing.T) {
	pkgs, err := Load([]string{harnessSrc(t)}, "typeerr")
	if err != nil {
		t.Fatal(err)
	}
	if !pkgs[0].IllTyped || len(pkgs[0].TypeErrors) != 1 || !strings.Contains(pkgs[0].TypeErrors[0].Msg, "undefined: undefined") {
		t.Errorf("typeerr: IllTyped %v, type errors %v", pkgs[0].IllTyped, pkgs[0].TypeErrors)
	}
	strict := *badCalls
	strict.RunDespiteErrors = false
	var rec errRecorder
	Run(&rec, []string{harnessSrc(t)}, &strict, "typeerr")
	if len(rec.errs) != 1 || !strings.Contains(rec.errs[0], "analysis skipped due to errors in package") {
		t.Errorf("strict analyzer on typeerr: %q", rec.errs)
	}
}

// TestSameAsAnalysistest runs every harness case through analysistest
// too (the go command, so not under -short) and compares what the two
// report.
func TestSameAsAnalysistest(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: analysistest runs the go command")
	}
	src := harnessSrc(t)
	for _, pkg := range []string{"ok", "lib", "typeerr", "golden", "missing", "extra", "wrongfact", "badgolden", "tree/..."} {
		fixes := pkg == "golden" || pkg == "badgolden"
		var ours, theirs errRecorder
		var ourResults, theirResults []*Result
		if fixes {
			ourResults = RunWithSuggestedFixes(&ours, []string{src}, badCalls, pkg)
			theirResults = analysistest.RunWithSuggestedFixes(&theirs, filepath.Dir(src), badCalls, pkg)
		} else {
			ourResults = Run(&ours, []string{src}, badCalls, pkg)
			theirResults = analysistest.Run(&theirs, filepath.Dir(src), badCalls, pkg)
		}
		// Golden mismatches are worded differently; compare their
		// first lines.
		o, th := firstLines(normalize(src, ours.errs)), firstLines(normalize(src, theirs.errs))
		if !slices.Equal(o, th) {
			t.Errorf("%s: lintest reports\n%s\nanalysistest reports\n%s", pkg, strings.Join(o, "\n"), strings.Join(th, "\n"))
		}
		if d1, d2 := diagnostics(ourResults), diagnostics(theirResults); !slices.Equal(d1, d2) {
			t.Errorf("%s: lintest diagnostics\n%s\nanalysistest's\n%s", pkg, strings.Join(d1, "\n"), strings.Join(d2, "\n"))
		}
	}
}

// normalize strips the GOPATH src directory from errors and sorts them.
func normalize(src string, errs []string) []string {
	var out []string
	for _, e := range errs {
		e = strings.ReplaceAll(e, src+string(filepath.Separator), "")
		e = strings.ReplaceAll(e, filepath.Join("testdata", "src")+string(filepath.Separator), "")
		out = append(out, e)
	}
	sort.Strings(out)
	return out
}

func firstLines(errs []string) []string {
	var out []string
	for _, e := range errs {
		first, _, _ := strings.Cut(e, "\n")
		if strings.HasPrefix(first, "all fixes: unexpected") || strings.Contains(first, ": unexpected") && strings.Contains(first, "content:") {
			first = "golden mismatch"
		}
		out = append(out, first)
	}
	return out
}

// diagnostics renders each result's package and diagnostics.
func diagnostics(results []*Result) []string {
	var out []string
	for _, r := range results {
		if strings.HasSuffix(r.Action.Package.ID, ".test") {
			continue // the generated test main, which lintest leaves out
		}
		for _, d := range r.Diagnostics {
			p := r.Action.Package.Fset.Position(d.Pos)
			out = append(out, fmt.Sprintf("%s %s:%d:%d %s", r.Action.Package.ID, filepath.Base(p.Filename), p.Line, p.Column, d.Message))
		}
	}
	sort.Strings(out)
	return out
}

// TestMaxMessageLen: with the switch set, a Run fails each message over
// the limit, at its position.
func TestMaxMessageLen(t *testing.T) {
	defer func(n int) { MaxMessageLen = n }(MaxMessageLen)
	MaxMessageLen = len("call of Ba") // "call of Bad" is one over
	var rec errRecorder
	Run(&rec, []string{harnessSrc(t)}, badCalls, "extra")
	got := normalize(harnessSrc(t), rec.errs)
	want := []string{"extra/extra.go:6:2: message of 11 characters, over 10: call of Bad", "extra/extra.go:6:2: unexpected diagnostic: call of Bad"}
	if !slices.Equal(got, want) {
		t.Errorf("errors %q, want %q", got, want)
	}
}

// TestHarnessPattern: a pattern ending in "/..." names the packages at
// and under its path, as go list matches them (testdata directories
// left out).
func TestHarnessPattern(t *testing.T) {
	var rec errRecorder
	results := Run(&rec, []string{harnessSrc(t)}, badCalls, "tree/...")
	if len(rec.errs) > 0 {
		t.Errorf("errors: %q", rec.errs)
	}
	var ids []string
	for _, r := range results {
		ids = append(ids, r.Action.Package.ID)
	}
	if want := []string{"tree/a", "tree/a/b"}; !slices.Equal(ids, want) {
		t.Errorf("tree/... = %q, want %q", ids, want)
	}
}
