package main

import (
	"os"
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

// TestFactsOnlyUnit: the vet tool tells go vet's facts-only runs of
// dependencies (VetxOnly) from root runs by the unit's configuration.
func TestFactsOnlyUnit(t *testing.T) {
	dir := t.TempDir()
	for body, want := range map[string]bool{
		`{"ID": "a", "VetxOnly": true, "GoFiles": ["a.go"]}`:  true,
		`{"ID": "a", "VetxOnly": false, "GoFiles": ["a.go"]}`: false,
		`{"ID": "a"}`: false,
		`not json`:    false,
	} {
		cfg := filepath.Join(dir, "vet.cfg")
		if err := os.WriteFile(cfg, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := factsOnlyUnit(cfg); got != want {
			t.Errorf("factsOnlyUnit(%s) = %v, want %v", body, got, want)
		}
	}
	if factsOnlyUnit(filepath.Join(dir, "missing.cfg")) {
		t.Errorf("factsOnlyUnit of a missing file = true")
	}
}
