package main

// -fix and -fix -diff. go vet -fix applies the fixes but prints nothing
// and always succeeds, so the command first runs go vet -json (usually
// answered from the go command's cache): findings without a fix are
// printed and fail the run, and go vet -fix runs only when there is
// something to fix.
//
//	-fix        apply; then print the findings that remain: exit 3 if any, else 0
//	-fix -diff  print the fixes as a diff on stdout and the findings no fix
//	            resolves on stderr: exit 4 if there is a diff, else 3 if findings
//	            remain, else 0
//
// Packages that fail to load make it exit 1, as in every mode.

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
)

func runFix(v *vetter, patterns []string, stdout, stderr io.Writer) int {
	r := v.run(patterns)
	if r.tree == nil {
		r.printErrors(stderr)
		return exitErrors
	}
	var unfixable []diagnostic
	for _, d := range r.findings {
		if len(d.SuggestedFixes) == 0 {
			unfixable = append(unfixable, d)
		}
	}
	if len(unfixable) == len(r.findings) {
		// Nothing to fix: the findings as a plain run prints them.
		printText(stdout, r.findings, v.o.dir)
		r.printErrors(stderr)
		return fixStatus(r, false, len(r.findings) > 0)
	}
	if v.o.diff {
		out, errOut, err := v.vet([]string{"-fix", "-diff"}, r.patterns)
		stdout.Write(gitDiff(out, v.o.dir))
		printText(stderr, unfixable, v.o.dir)
		msgs := goErrors(errOut)
		printLines(stderr, r.errorLines(), msgs)
		if len(msgs) > 0 || err != nil && len(out) == 0 {
			// go vet exits 1 whenever it printed a diff; anything else is a failure.
			if err != nil {
				r.err = err
			}
		}
		return fixStatus(r, len(out) > 0, len(unfixable) > 0)
	}
	_, errOut, err := v.vet([]string{"-fix"}, r.patterns)
	after := v.run(r.patterns)
	if after.tree == nil {
		printLines(stderr, goErrors(errOut), after.errorLines())
		return exitErrors
	}
	printText(stdout, after.findings, v.o.dir)
	printLines(stderr, goErrors(errOut), r.errorLines(), after.errorLines())
	if err != nil {
		r.err = err
	}
	if after.failed() {
		r.err = after.err
	}
	return fixStatus(r, false, len(after.findings) > 0)
}

func fixStatus(r *vetResult, pending, remain bool) int {
	switch {
	case r.failed():
		return exitErrors
	case pending:
		return exitPending
	case remain:
		return exitFindings
	}
	return exitClean
}

// gitDiff rewrites the file headers of go vet -fix -diff's unified diff,
// "--- /abs/file.go (old)" and "+++ /abs/file.go (new)", into the form
// git apply and patch -p1 take: "diff --git a/f b/f", "--- a/f",
// "+++ b/f", with f relative to the working directory (or -C dir). go vet
// prints each package's diffs when that package finishes, so the files
// come in no set order; gitDiff sorts them by path (stably: a file's
// chunks keep their order), so the same tree always gives the same patch.
func gitDiff(diff []byte, dir string) []byte {
	wd := baseDir(dir)
	rel := func(path string) string {
		return filepath.ToSlash(relPosn(wd, path))
	}
	type chunk struct {
		file string
		text bytes.Buffer
	}
	chunks := []*chunk{{}} // the first holds any text before the first header
	lines := strings.SplitAfter(string(diff), "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if old, ok := strings.CutPrefix(l, "--- "); ok && strings.HasSuffix(old, " (old)\n") && i+1 < len(lines) && strings.HasPrefix(lines[i+1], "+++ ") {
			f := rel(strings.TrimSuffix(old, " (old)\n"))
			c := &chunk{file: f}
			fmt.Fprintf(&c.text, "diff --git a/%s b/%s\n--- a/%s\n+++ b/%s\n", f, f, f, f)
			chunks = append(chunks, c)
			i++
			continue
		}
		chunks[len(chunks)-1].text.WriteString(l)
	}
	slices.SortStableFunc(chunks[1:], func(a, b *chunk) int { return strings.Compare(a.file, b.file) })
	var out bytes.Buffer
	for _, c := range chunks {
		out.Write(c.text.Bytes())
	}
	return out.Bytes()
}
