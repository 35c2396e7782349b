package lintrun

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"maps"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/txtar"
)

// RunWithSuggestedFixes is Run, then analysistest.RunWithSuggestedFixes'
// check of the fixes: for each result, the suggested fixes' edits of
// each file (fixes that edit a generated file left out) are merged and
// applied, and the gofmt'ed result must equal the file's .golden twin.
// A golden file that is a txtar archive holds one section per fix
// message, the result of applying the fixes of that message only.
// Edits that overlap conflict and fail the test; identical ones merge.
func RunWithSuggestedFixes(t Testing, roots []string, a *analysis.Analyzer, patterns ...string) []*Result {
	if tb, ok := t.(testing.TB); ok {
		tb.Helper()
	}
	results := Run(t, roots, a, patterns...)
	generated := map[*token.File]bool{}
	for _, res := range results {
		act := res.Action
		fset := act.Package.Fset
		for _, f := range act.Package.Syntax {
			tf := fset.File(f.Pos())
			if _, seen := generated[tf]; !seen {
				generated[tf] = ast.IsGenerated(f)
			}
		}
		// message -> fixes -> file -> edits
		fixEdits := map[string][]map[string][]edit{}
		files := map[string]bool{}
		for _, d := range act.Diagnostics {
		fixes:
			for _, fix := range d.SuggestedFixes {
				for _, e := range fix.TextEdits {
					if generated[fset.File(e.Pos)] {
						continue fixes
					}
				}
				edits := map[string][]edit{}
				for _, e := range fix.TextEdits {
					tf := fset.File(e.Pos)
					files[tf.Name()] = true
					edits[tf.Name()] = append(edits[tf.Name()], edit{tf.Offset(e.Pos), tf.Offset(e.End), string(e.NewText)})
				}
				fixEdits[fix.Message] = append(fixEdits[fix.Message], edits)
			}
		}
		for _, filename := range slices.Sorted(maps.Keys(files)) {
			content, err := os.ReadFile(filename)
			if err != nil {
				t.Errorf("error reading %s: %v", filename, err)
				continue
			}
			ar, err := txtar.ParseFile(filename + ".golden")
			if err != nil {
				t.Errorf("error reading %s.golden: %v", display(stringer(filename)), err)
				continue
			}
			merge := func(message string, fixes []map[string][]edit, acc []edit) []edit {
				for _, fix := range fixes {
					var ok bool
					if acc, ok = mergeEdits(acc, fix[filename]); !ok {
						t.Errorf("in file %s, conflict applying fix %q", display(stringer(filename)), message)
					}
				}
				return acc
			}
			if len(ar.Files) > 0 {
				if len(ar.Comment) > 0 {
					t.Errorf("%s.golden has leading comment; we don't know what to do with it", display(stringer(filename)))
					continue
				}
				for _, section := range ar.Files {
					acc := merge(section.Name, fixEdits[section.Name], nil)
					if err := compareFixed(filename, content, section.Data, acc); err != nil {
						t.Errorf("all fixes of message %q: %s", section.Name, err)
					}
				}
				continue
			}
			var acc []edit
			for _, message := range slices.Sorted(maps.Keys(fixEdits)) {
				acc = merge(message, fixEdits[message], acc)
			}
			if err := compareFixed(filename, content, ar.Comment, acc); err != nil {
				t.Errorf("all fixes: %s", err)
			}
		}
	}
	return results
}

// An edit replaces content[start:end] with text.
type edit struct {
	start, end int
	text       string
}

// mergeEdits merges y into x: identical edits coalesce, overlapping
// ones (or two insertions at one offset) conflict.
func mergeEdits(x, y []edit) ([]edit, bool) {
	all := append(append([]edit(nil), x...), y...)
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].start != all[j].start {
			return all[i].start < all[j].start
		}
		return all[i].end < all[j].end
	})
	var out []edit
	ok := true
	for _, e := range all {
		if n := len(out); n > 0 {
			last := out[n-1]
			if e == last {
				continue
			}
			if e.start < last.end || e.start == last.start {
				ok = false
				continue
			}
		}
		out = append(out, e)
	}
	return out, ok
}

// compareFixed applies edits to original and compares the gofmt'ed
// result with want.
func compareFixed(filename string, original, want []byte, edits []edit) error {
	name := display(stringer(filename))
	if len(edits) == 0 {
		return fmt.Errorf("%s: no edits", name)
	}
	var fixed bytes.Buffer
	last := 0
	for _, e := range edits {
		if e.start < last || e.end > len(original) || e.start > e.end {
			return fmt.Errorf("%s: error applying fixes: edit [%d,%d) out of order or range", name, e.start, e.end)
		}
		fixed.Write(original[last:e.start])
		fixed.WriteString(e.text)
		last = e.end
	}
	fixed.Write(original[last:])
	got, err := format.Source(fixed.Bytes())
	if err != nil {
		return fmt.Errorf("%s: error formatting resulting source: %v\n%s", name, err, fixed.Bytes())
	}
	wantf, err := format.Source(want)
	if err != nil {
		return fmt.Errorf("%s.golden: error formatting golden file: %v\n%s", name, err, got)
	}
	if g, w := strings.TrimSpace(string(got)), strings.TrimSpace(string(wantf)); g != w {
		return fmt.Errorf("unexpected %s content:\n-- fixed --\n%s\n-- want --\n%s\n-- first difference --\n%s", name, g, w, firstDiff(g, w))
	}
	return nil
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n  fixed: %s\n  want:  %s", i+1, gl, wl)
		}
	}
	return ""
}
