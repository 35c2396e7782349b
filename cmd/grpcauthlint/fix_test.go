package main

import (
	"path/filepath"
	"testing"
)

// TestGitDiffOrder: go vet prints each package's diffs as the package
// finishes; gitDiff must give the same patch whatever that order.
func TestGitDiffOrder(t *testing.T) {
	dir := t.TempDir()
	file := func(name string) string { return filepath.Join(dir, name) }
	hunk := func(name, line string) string {
		return "--- " + file(name) + " (old)\n+++ " + file(name) + " (new)\n@@ -1 +1 @@\n-" + line + "\n+" + line + "!\n"
	}
	want := "diff --git a/a/a.go b/a/a.go\n--- a/a/a.go\n+++ b/a/a.go\n@@ -1 +1 @@\n-x\n+x!\n" +
		"diff --git a/b/b.go b/b/b.go\n--- a/b/b.go\n+++ b/b/b.go\n@@ -1 +1 @@\n-y\n+y!\n" +
		"diff --git a/b/b.go b/b/b.go\n--- a/b/b.go\n+++ b/b/b.go\n@@ -1 +1 @@\n-z\n+z!\n"
	for _, in := range []string{
		hunk("a/a.go", "x") + hunk("b/b.go", "y") + hunk("b/b.go", "z"),
		hunk("b/b.go", "y") + hunk("a/a.go", "x") + hunk("b/b.go", "z"),
		hunk("b/b.go", "y") + hunk("b/b.go", "z") + hunk("a/a.go", "x"),
	} {
		if got := string(gitDiff([]byte(in), dir)); got != want {
			t.Errorf("gitDiff(%q) =\n%s\nwant\n%s", in, got, want)
		}
	}
}
