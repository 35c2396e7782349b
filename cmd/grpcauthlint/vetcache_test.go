package main_test

// Findings are never lost to the go command's vet cache (issue 24). Go
// 1.26 caches a vet action's stdout under a key that does not say
// whether the run was facts-only: a package vetted first as a
// dependency replays that run's empty output when it is later vetted as
// a root. The standalone command runs the tool under -report-deps, so
// every run of a package has its findings, and keeps those of the
// packages it was asked about.

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDependencyThenRoot runs, on a copy of the example with a main
// package importing the others, the sequence that lost findings: the
// root alone (its dependencies vetted for facts only), then ./..., then
// each dependency alone. Every run prints exactly its packages' findings.
func TestDependencyThenRoot(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	dir := exampleCopy(t)
	main := "package main\n\nimport (\n\t_ \"example.com/greeter/client\"\n\t_ \"example.com/greeter/server\"\n)\n\nfunc main() {}\n"
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(main), 0o644); err != nil {
		t.Fatal(err)
	}
	// A change no earlier run has seen, at the end of a dependency of a
	// dependency (authz, imported by server): its first vet is facts-only.
	authz := filepath.Join(dir, "authz", "authz.go")
	src, err := os.ReadFile(authz)
	if err != nil {
		t.Fatal(err)
	}
	src = fmt.Appendf(src, "\n// %s %d\n", t.Name(), time.Now().UnixNano())
	if err := os.WriteFile(authz, src, 0o644); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(repoRoot(t), "testdata", "example", "expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	of := func(pkgs ...string) string {
		var b strings.Builder
		for _, l := range strings.SplitAfter(string(want), "\n") {
			for _, p := range pkgs {
				if strings.HasPrefix(l, p+"/") {
					b.WriteString(l)
				}
			}
		}
		return b.String()
	}
	for _, step := range []struct {
		pattern string
		want    string
	}{
		{".", ""},
		{"./...", string(want)},
		{"./authz", of("authz")},
		{"./server", of("server")},
		{".", ""},
		{"./...", string(want)},
	} {
		out, errOut, code := run(t, dir, bin, step.pattern)
		wantCode := 0
		if step.want != "" {
			wantCode = 3
		}
		if out != step.want || code != wantCode {
			t.Errorf("grpcauthlint %s: exit %d, want %d\nstdout:\n%s\nwant:\n%s\nstderr: %s", step.pattern, code, wantCode, out, step.want, errOut)
		}
	}
}
