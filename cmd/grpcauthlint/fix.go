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
	"io"
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
		stdout.Write(out)
		printText(stderr, unfixable, v.o.dir)
		r.printErrors(stderr)
		if msgs := goMessages(errOut); len(msgs) > 0 || err != nil && len(out) == 0 {
			// go vet exits 1 whenever it printed a diff; anything else is a failure.
			stderr.Write(errOut)
			if err != nil {
				r.err = err
			}
		}
		return fixStatus(r, len(out) > 0, len(unfixable) > 0)
	}
	_, errOut, err := v.vet([]string{"-fix"}, r.patterns)
	stderr.Write(errOut)
	after := v.run(r.patterns)
	if after.tree == nil {
		after.printErrors(stderr)
		return exitErrors
	}
	printText(stdout, after.findings, v.o.dir)
	r.printErrors(stderr)
	after.printErrors(stderr)
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

// goMessages returns the lines of the go command's stderr that are not
// its "# package" headers.
func goMessages(stderr []byte) []string {
	var msgs []string
	for _, l := range strings.Split(string(bytes.TrimSpace(stderr)), "\n") {
		if l != "" && !strings.HasPrefix(l, "# ") {
			msgs = append(msgs, l)
		}
	}
	return msgs
}
