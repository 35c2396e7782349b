package main_test

// End-to-end tests: build the grpcauthlint binary and run it as a user
// would on the modules under testdata/e2e, which require the real
// google.golang.org/grpc (v1.85.0 and v1.45.0), golang.org/x/oauth2 and
// google.golang.org/api. Expected findings are written in the modules'
// sources as
//
//	code // want "pass: message regexp" ["pass: message regexp" ...]
//
// and every finding must match an expectation on its line, and every
// expectation a finding, in each front end: the standalone text output,
// -json, and go vet -vettool. Files named X.go.golden hold the result of
// -fix on X.go. The helpers are shared with the golangci-lint plugin's
// end-to-end tests (internal/e2etest).

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/grpcauthlint/grpcauthlint/internal/e2etest"
)

type finding = e2etest.Finding

// TestMain removes the vet tool the tests build.
func TestMain(m *testing.M) { e2etest.Main(m) }

func binary(t *testing.T) string { return e2etest.VetTool(t) }

func repoRoot(t *testing.T) string { return e2etest.RepoRoot(t) }

func e2eModules(t *testing.T) []string { return e2etest.Modules(t) }

func download(t *testing.T, dir string) { e2etest.Download(t, dir) }

func readExpectations(t *testing.T, dir string) []*e2etest.Expectation {
	return e2etest.ReadExpectations(t, dir)
}

func match(t *testing.T, front string, findings []finding, exps []*e2etest.Expectation) {
	t.Helper()
	e2etest.Match(t, front, findings, exps)
}

func run(t *testing.T, dir string, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return e2etest.Run(t, dir, name, args...)
}

func parseText(t *testing.T, dir, out string) []finding { return e2etest.ParseText(t, dir, out) }

func parseJSON(t *testing.T, dir, out string) []finding { return e2etest.ParseJSON(t, dir, out) }

func TestEndToEnd(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	for _, dir := range e2eModules(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			download(t, dir)
			exps := readExpectations(t, dir)
			if len(exps) == 0 {
				t.Fatal("module has no // want expectations")
			}

			// Standalone, plain text: exit 3 on findings, pass named on each line.
			out, errOut, code := run(t, dir, bin, "./...")
			if code != 3 {
				t.Errorf("grpcauthlint ./...: exit %d, want 3\nstderr: %s", code, errOut)
			}
			if errOut != "" {
				t.Errorf("grpcauthlint ./...: unexpected stderr:\n%s", errOut)
			}
			match(t, "grpcauthlint", parseText(t, dir, out), exps)

			// Standalone, -json: exit 0, same findings.
			out, errOut, code = run(t, dir, bin, "-json", "./...")
			if code != 0 {
				t.Errorf("grpcauthlint -json: exit %d, want 0\nstderr: %s", code, errOut)
			}
			match(t, "grpcauthlint -json", parseJSON(t, dir, out), exps)

			// go vet -vettool, -json (names passes) and plain (exit 1).
			out, errOut, code = run(t, dir, "go", "vet", "-vettool="+bin, "-json", "./...")
			if code != 0 {
				t.Errorf("go vet -vettool -json: exit %d, want 0\nstderr: %s", code, errOut)
			}
			match(t, "go vet -vettool -json", unprefixed(parseJSON(t, dir, out)), exps)
			_, errOut, code = run(t, dir, "go", "vet", "-vettool="+bin, "./...")
			if code != 1 {
				t.Errorf("go vet -vettool: exit %d, want 1", code)
			}
			// The plain output names the pass, as the other front ends
			// do: exactly the -json findings, pass prefix and all.
			plain := parseText(t, dir, errOut)
			var msgs []string
			for _, f := range plain {
				msgs = append(msgs, f.String())
			}
			var wantMsgs []string
			for _, f := range parseJSON(t, dir, out) {
				// go vet -json carries the prefix in the message too.
				pass, msg, _ := strings.Cut(f.Text, ": ")
				if !strings.HasPrefix(msg, pass+": ") {
					t.Errorf("go vet -vettool -json: message of %s does not start with its pass name: %q", pass, msg)
				}
				wantMsgs = append(wantMsgs, finding{File: f.File, Line: f.Line, Text: msg}.String())
			}
			sort.Strings(msgs)
			sort.Strings(wantMsgs)
			if strings.Join(msgs, "\n") != strings.Join(wantMsgs, "\n") {
				t.Errorf("go vet -vettool plain output differs from its -json output:\nplain:\n%s\njson:\n%s", strings.Join(msgs, "\n"), strings.Join(wantMsgs, "\n"))
			}
			match(t, "go vet -vettool (text)", plain, exps)
		})
	}
}

// TestFix runs -fix on a copy of each module and compares every file
// that has a .golden beside it; files without one must not change.
func TestFix(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	for _, dir := range e2eModules(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			download(t, dir)
			tmp := t.TempDir()
			if err := os.CopyFS(tmp, os.DirFS(dir)); err != nil {
				t.Fatal(err)
			}
			out, errOut, code := run(t, tmp, bin, "-fix", "./...")
			e2etest.CheckGoldens(t, "grpcauthlint -fix", dir, tmp)
			// What -fix prints is what remains: the findings of a plain
			// run on the fixed files, with exit 3 if there are any.
			after, _, _ := run(t, tmp, bin, "./...")
			if want := map[bool]int{true: 3, false: 0}[after != ""]; code != want || out != after {
				t.Errorf("grpcauthlint -fix: exit %d, want %d\nstdout:\n%s\nwant the findings left:\n%s\nstderr: %s", code, want, out, after, errOut)
			}
		})
	}
}

// TestExample runs the README's example command on testdata/example and
// compares its output with testdata/example/expected.txt, which the
// README quotes.
func TestExample(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	root := repoRoot(t)
	example := filepath.Join(root, "testdata", "example")
	download(t, example)
	want, err := os.ReadFile(filepath.Join(example, "expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, root, bin, "-C", "testdata/example", "./...")
	if code != 3 {
		t.Errorf("exit %d, want 3\nstderr: %s", code, errOut)
	}
	if out != string(want) {
		t.Errorf("output:\n%s\nwant (testdata/example/expected.txt):\n%s", out, want)
	}
}

// TestCommandLine covers the standalone command's usage errors, help
// and exit codes.
func TestCommandLine(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	root := repoRoot(t)
	noModule := t.TempDir() // a directory with no go.mod above it
	if err := os.WriteFile(filepath.Join(noModule, "a.go"), []byte("package a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args       []string
		code       int
		out, err   string // substrings of stdout and stderr
		errOneLine bool
	}{
		{args: []string{"-nosuchflag", "./..."}, code: 2, err: "grpcauthlint: flag provided but not defined: -nosuchflag (run 'grpcauthlint help' for usage)", errOneLine: true},
		{args: []string{"-metadatakey=maybe", "./..."}, code: 2, err: "invalid boolean value", errOneLine: true},
		{args: []string{"-diff", "./..."}, code: 2, err: "-diff needs -fix", errOneLine: true},
		{args: []string{"help"}, code: 0, out: "metadatakey"},
		{args: []string{"-V=full"}, code: 0, out: "version devel"},
		{args: []string{"-version"}, code: 0, out: "grpcauthlint "},
		{args: []string{"version"}, code: 0, out: "grpcauthlint "},
		{args: []string{"help"}, code: 0, out: "grpcauthlint version"},
		{args: []string{"help"}, code: 0, out: "-metadatakey.tests bool (default false)"},
		{args: []string{"-json", "-fix", "./..."}, code: 2, err: "does not combine with -json", errOneLine: true},
		{args: []string{"-flags"}, code: 0, out: `"Name": "metadatakey.tests"`},
		{args: []string{"-h"}, code: 0, out: "Exit codes of grpcauthlint"},
		{args: []string{"help", "metadatakey"}, code: 0, out: "# Bad"},
		{args: []string{"help", "nosuchpass"}, code: 2, err: `no pass "nosuchpass"`},
		{args: []string{"-C", "testdata/example", "-credpath", "./authz"}, code: 0},
		{args: []string{"-C", "testdata/example", "-metadatakey=false", "./authz"}, code: 0},
		{args: []string{"-C", "testdata/example", "-json", "./..."}, code: 0, out: `"metadatakey": [`},
		{args: []string{"-C", "testdata/example", "./nosuchdir"}, code: 1, err: "nosuchdir"},
		{args: []string{"-C", "nosuchdir", "./..."}, code: 2, err: "grpcauthlint: -C nosuchdir: no such directory", errOneLine: true},
		{args: []string{"-C", noModule, "./..."}, code: 2, err: "grpcauthlint: no go.mod in " + noModule + " or any directory above it", errOneLine: true},
		{args: []string{"-C", "testdata/e2e/grpc185", "-metadatakey", "-metadatakey.tests", "./server"}, code: 3, out: `server/server_test.go:15:12: metadatakey: metadata key "Authorization" never matches`},
	} {
		out, errOut, code := run(t, root, bin, tc.args...)
		if code != tc.code || !strings.Contains(out, tc.out) || !strings.Contains(errOut, tc.err) {
			t.Errorf("grpcauthlint %v: exit %d\nstdout: %s\nstderr: %s\nwant exit %d, stdout with %q, stderr with %q", tc.args, code, out, errOut, tc.code, tc.out, tc.err)
		}
		if tc.errOneLine && strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("grpcauthlint %v: error is not one line:\n%s", tc.args, errOut)
		}
	}
}

// TestVendored lints a vendored copy of the grpc-go v1.29 module: the
// same findings must come out when grpc-go is read from vendor/.
func TestVendored(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	src := filepath.Join(repoRoot(t), "testdata", "e2e", "grpc129")
	download(t, src)
	tmp := t.TempDir()
	if err := os.CopyFS(tmp, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := run(t, tmp, "go", "mod", "vendor"); code != 0 {
		t.Fatalf("go mod vendor: %s", errOut)
	}
	if _, err := os.Stat(filepath.Join(tmp, "vendor", "google.golang.org", "grpc", "metadata")); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, tmp, bin, "./...")
	if code != 3 {
		t.Errorf("exit %d, want 3\nstderr: %s", code, errOut)
	}
	match(t, "grpcauthlint (vendored)", parseText(t, tmp, out), readExpectations(t, tmp))
}

// unprefixed removes the pass name the vet tool puts in front of go vet
// -json messages (for go vet's text output) from findings read with
// parseJSON, whose text starts with the pass already.
func unprefixed(fs []finding) []finding {
	out := make([]finding, len(fs))
	for i, f := range fs {
		pass, msg, _ := strings.Cut(f.Text, ": ")
		f.Text = pass + ": " + strings.TrimPrefix(msg, pass+": ")
		out[i] = f
	}
	return out
}
