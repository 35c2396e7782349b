package main_test

// The command line as a new user meets it (issue 15): broken packages,
// -fix status and output, the version, mis-written suppressions, a bad
// option under go vet -vettool, and README's exit-code table.

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/grpcauthlint/grpcauthlint/analyzers"
	"github.com/grpcauthlint/grpcauthlint/internal/e2etest"
)

// exampleCopy returns a copy of testdata/example, its dependencies
// downloaded.
func exampleCopy(t *testing.T) string {
	t.Helper()
	example := filepath.Join(repoRoot(t), "testdata", "example")
	download(t, example)
	return e2etest.CopyModule(t, example)
}

// breakPackages adds to the module in dir the three kinds of package
// that fail to load: an empty .go file, two package names in one
// directory, and an import no module provides; and one that fails to
// type-check.
func breakPackages(t *testing.T, dir string) {
	t.Helper()
	for name, src := range map[string]string{
		"broken/empty.go": "",
		"twopkg/a.go":     "package a\n",
		"twopkg/b.go":     "package b\n",
		"noimport/i.go":   "package noimport\n\nimport _ \"example.com/nosuchmodule/pkg\"\n",
		"typeerr/t.go":    "package typeerr\n\nvar X int = \"s\"\n",
	} {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBrokenPackages: packages that fail to load are reported on one
// line each, naming the package, and every other package is linted: the
// example's findings all come out, and the run exits 1.
func TestBrokenPackages(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	dir := exampleCopy(t)
	want, err := os.ReadFile(filepath.Join(repoRoot(t), "testdata", "example", "expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	breakPackages(t, dir)
	out, errOut, code := run(t, dir, bin, "./...")
	if code != 1 || out != string(want) {
		t.Errorf("grpcauthlint ./... with broken packages: exit %d, want 1\nstdout:\n%s\nwant:\n%s\nstderr:\n%s", code, out, want, errOut)
	}
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	wantErrs := []string{
		`^grpcauthlint: example.com/greeter/broken: broken/empty.go:1:1: expected 'package', found 'EOF'$`,
		`^grpcauthlint: example.com/greeter/noimport: noimport/i.go:3:8: .*example.com/nosuchmodule/pkg`,
		`^grpcauthlint: example.com/greeter/twopkg: found packages a \(a.go\) and b \(b.go\)`,
		`^grpcauthlint: example.com/greeter/typeerr: typeerr/t.go:3:13: cannot use "s" \(untyped string constant\) as int value`,
	}
	if len(lines) != len(wantErrs) {
		t.Errorf("stderr has %d lines, want one per broken package (%d):\n%s", len(lines), len(wantErrs), errOut)
	} else {
		for i, rx := range wantErrs {
			if !regexp.MustCompile(rx).MatchString(lines[i]) {
				t.Errorf("stderr line %d = %q, want it to match %s", i+1, lines[i], rx)
			}
		}
	}

	// -json holds the same findings; it exits 1 too.
	out, errOut, code = run(t, dir, bin, "-json", "./...")
	if code != 1 {
		t.Errorf("grpcauthlint -json with broken packages: exit %d, want 1\nstderr: %s", code, errOut)
	}
	if got := len(parseJSON(t, dir, out)); got != e2etest.FindingCount(string(want)) {
		t.Errorf("grpcauthlint -json with broken packages: %d findings, want %d:\n%s", got, e2etest.FindingCount(string(want)), out)
	}

	// Only broken packages: nothing to lint, exit 1, the errors.
	_, errOut, code = run(t, dir, bin, "./broken", "./twopkg")
	if code != 1 || strings.Count(strings.TrimSpace(errOut), "\n") != 1 {
		t.Errorf("grpcauthlint on broken packages only: exit %d, want 1 and two lines\nstderr:\n%s", code, errOut)
	}
}

// TestFixStatus: -fix prints the findings no fix resolves and exits 3;
// -fix -diff prints the diff, the unfixable findings on stderr, and
// exits 4; with nothing left, 0; -fix does not combine with -json.
func TestFixStatus(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	dir := exampleCopy(t)
	before, _, _ := run(t, dir, bin, "./...")

	out, errOut, code := run(t, dir, bin, "-fix", "-diff", "./...")
	if code != 4 || !strings.Contains(out, "+++ ") || !strings.Contains(out, `"authorization"`) {
		t.Errorf("grpcauthlint -fix -diff: exit %d, want 4 and a diff\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	if !strings.Contains(errOut, "credpath: ") || strings.Contains(errOut, "metadatakey: ") {
		t.Errorf("grpcauthlint -fix -diff: stderr should list the findings without a fix (credpath's), not those with one:\n%s", errOut)
	}
	if after, _, _ := run(t, dir, bin, "./..."); after != before {
		t.Errorf("-fix -diff changed the files")
	}
	// The diff names files relative to the working directory, as git
	// apply and patch -p1 take them, and makes what -fix makes.
	if !strings.HasPrefix(out, "diff --git a/authz/authz.go b/authz/authz.go\n--- a/authz/authz.go\n+++ b/authz/authz.go\n") {
		t.Errorf("grpcauthlint -fix -diff: the diff does not start with git's headers for authz/authz.go:\n%s", out)
	}
	patched := e2etest.CopyModule(t, dir)
	patch := filepath.Join(t.TempDir(), "fix.patch")
	if err := os.WriteFile(patch, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, apply := range [][]string{{"git", "apply", "--check", patch}, {"patch", "-p1", "--dry-run", "-i", patch}} {
		if _, err := exec.LookPath(apply[0]); err != nil {
			continue
		}
		if o, e, c := run(t, dir, apply[0], apply[1:]...); c != 0 {
			t.Errorf("%v on the -fix -diff output: exit %d\n%s%s", apply, c, o, e)
		}
	}
	if o, e, c := run(t, patched, "git", "apply", patch); c != 0 {
		t.Errorf("git apply of the -fix -diff output: exit %d\n%s%s", c, o, e)
	}

	out, errOut, code = run(t, dir, bin, "-fix", "./...")
	if code != 3 {
		t.Errorf("grpcauthlint -fix: exit %d, want 3 (findings without a fix remain)\nstderr: %s", code, errOut)
	}
	if strings.Contains(out, "metadatakey: ") || !strings.Contains(out, "credpath: ") || !strings.Contains(out, "dialcreds: ") {
		t.Errorf("grpcauthlint -fix: stdout should hold the findings left, without the fixed ones:\n%s", out)
	}
	after, _, _ := run(t, dir, bin, "./...")
	if out != after {
		t.Errorf("grpcauthlint -fix printed:\n%s\nbut a run after it finds:\n%s", out, after)
	}
	if a, _, _ := run(t, patched, bin, "./..."); a != after {
		t.Errorf("the module patched with git apply finds:\n%s\nthe module fixed by -fix:\n%s", a, after)
	}

	// Nothing to fix and nothing left: 0 in both modes.
	for _, args := range [][]string{{"-fix", "-metadatakey", "./..."}, {"-fix", "-diff", "-metadatakey", "./..."}} {
		if out, errOut, code := run(t, dir, bin, args...); code != 0 || out != "" {
			t.Errorf("grpcauthlint %v after the fixes: exit %d, want 0\nstdout: %s\nstderr: %s", args, code, out, errOut)
		}
	}
}

// TestVersion: -version and the version subcommand print the module
// version and the go version from the build information; -V=full, go
// vet's cache key, keeps unitchecker's form.
func TestVersion(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	for _, args := range [][]string{{"-version"}, {"version"}} {
		out, errOut, code := run(t, t.TempDir(), bin, args...)
		if code != 0 || !regexp.MustCompile(`^grpcauthlint (\(devel\)|v\S+)( \(revision [0-9a-f]+.*\))? go1\.\S+ \w+/\w+\n$`).MatchString(out) {
			t.Errorf("grpcauthlint %v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	out, _, code := run(t, t.TempDir(), bin, "-V=full")
	if code != 0 || !regexp.MustCompile(`^\S*grpcauthlint version devel .*buildID=`).MatchString(out) {
		t.Errorf("grpcauthlint -V=full: exit %d, %q", code, out)
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.GoVersion != "" {
		if out, _, _ := run(t, t.TempDir(), bin, "version"); !strings.Contains(out, " "+bi.GoVersion+" ") {
			t.Errorf("version %q does not name the go version %s", out, bi.GoVersion)
		}
	}
}

// directivesModule is the module of mis-written //grpcauthlint:ignore
// comments; expected.txt lists, without pass names, what each front end
// reports there ({passes} stands for the suite's pass names).
func directivesModule(t *testing.T) (dir string, want []string) {
	t.Helper()
	dir = filepath.Join(repoRoot(t), "testdata", "directives")
	data, err := os.ReadFile(filepath.Join(dir, "expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(string(data), "{passes}", strings.Join(analyzers.Names(), ", "))
	return dir, strings.Split(strings.TrimSpace(text), "\n")
}

// withPass puts pass in front of the message of each "file:line:col:
// message" line.
func withPass(lines []string, pass string) []string {
	rx := regexp.MustCompile(`^(\S+:\d+:\d+): `)
	var out []string
	for _, l := range lines {
		out = append(out, rx.ReplaceAllString(l, "$1: "+pass+": "))
	}
	return out
}

// TestDirectives: each mis-written directive is reported once, by the
// first pass of the run in suite order, in the standalone text and
// -json outputs and under go vet -vettool (text and -json), whichever
// passes are selected.
func TestDirectives(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	dir, want := directivesModule(t)
	names := analyzers.Names()
	for _, tc := range []struct {
		flags []string
		pass  string // the pass expected to report
	}{
		{nil, names[0]},
		{[]string{"-" + names[0] + "=false"}, names[1]},
		{[]string{"-" + names[len(names)-1]}, names[len(names)-1]},
		{[]string{"-" + names[len(names)-1], "-" + names[1]}, names[1]},
	} {
		wantLines := strings.Join(withPass(want, tc.pass), "\n") + "\n"
		out, errOut, code := run(t, dir, bin, append(tc.flags, "./...")...)
		if code != 3 || out != wantLines {
			t.Errorf("grpcauthlint %v: exit %d, want 3\nstdout:\n%s\nwant:\n%s\nstderr: %s", tc.flags, code, out, wantLines, errOut)
		}
		out, _, _ = run(t, dir, bin, append(append([]string{"-json"}, tc.flags...), "./...")...)
		if got := sortedText(parseJSON(t, dir, out)); got != sortedLines(withPass(want, tc.pass)) {
			t.Errorf("grpcauthlint -json %v:\n%s\nwant:\n%s", tc.flags, got, sortedLines(withPass(want, tc.pass)))
		}
		// go vet -vettool: text on stderr (a file of a package and of
		// its test variant is reported for each), and -json.
		_, errOut, code = run(t, dir, "go", append(append([]string{"vet", "-vettool=" + bin}, tc.flags...), "./...")...)
		if got := sortedText(dedup(parseText(t, dir, errOut))); code != 1 || got != sortedLines(withPass(want, tc.pass)) {
			t.Errorf("go vet -vettool %v: exit %d, want 1\n%s\nwant:\n%s", tc.flags, code, got, sortedLines(withPass(want, tc.pass)))
		}
		out, _, _ = run(t, dir, "go", append(append([]string{"vet", "-vettool=" + bin, "-json"}, tc.flags...), "./...")...)
		if got := sortedText(unprefixed(parseJSON(t, dir, out))); got != sortedLines(withPass(want, tc.pass)) {
			t.Errorf("go vet -vettool -json %v:\n%s\nwant:\n%s", tc.flags, got, sortedLines(withPass(want, tc.pass)))
		}
	}
}

func dedup(fs []finding) []finding {
	seen := map[string]bool{}
	var out []finding
	for _, f := range fs {
		if k := f.String() + strconv.Itoa(f.Col); !seen[k] {
			seen[k] = true
			out = append(out, f)
		}
	}
	return out
}

func sortedText(fs []finding) string {
	var s []string
	for _, f := range fs {
		s = append(s, f.File+":"+strconv.Itoa(f.Line)+":"+strconv.Itoa(f.Col)+": "+f.Text)
	}
	return sortedLines(s)
}

func sortedLines(s []string) string {
	s = append([]string(nil), s...)
	sort.Strings(s)
	return strings.Join(s, "\n")
}

// TestVetBadFlag: a bad option value under go vet -vettool is reported
// once for the whole run, in a few lines, not once per package with the
// whole usage; the exit status stays 1, and a second run says it again.
func TestVetBadFlag(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	dir := filepath.Join(repoRoot(t), "testdata", "example")
	download(t, dir)
	for range 2 {
		_, errOut, code := run(t, dir, "go", "vet", "-vettool="+bin, "-dialcreds.allow-target=[", "./...")
		n := strings.Count(errOut, "\n")
		if code != 1 || n > 4 || strings.Count(errOut, "error parsing regexp") != 1 || strings.Contains(errOut, "Usage") {
			t.Errorf("go vet -vettool with a bad option: exit %d, want 1, and the error once in a few lines; %d lines:\n%.3000s", code, n, errOut)
		}
	}
}

// TestExitCodes runs each cell of README's exit-code table and checks
// the status the front end returns.
func TestExitCodes(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	readme, err := os.ReadFile(filepath.Join(repoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "\n### Exit codes\n")
	if !ok {
		t.Fatal("README.md: no ### Exit codes section")
	}
	section, _, _ = strings.Cut(section, "\n#")
	rowRx := regexp.MustCompile("(?m)^\\| `([^`]+)` \\|(.*)\\|$")
	rows := rowRx.FindAllStringSubmatch(section, -1)
	if len(rows) < 4 {
		t.Fatalf("README.md exit-code table: %d rows of commands, want at least 4:\n%s", len(rows), section)
	}
	fixed := exampleCopy(t) // findings with and without fixes
	broken := exampleCopy(t)
	breakPackages(t, broken)
	clean := exampleCopy(t)
	if _, errOut, code := run(t, clean, bin, "-fix", "-metadatakey", "./..."); code != 0 {
		t.Fatalf("preparing a module without findings: -fix -metadatakey: exit %d\n%s", code, errOut)
	}
	cleanArgs := []string{"-metadatakey", "./..."} // no findings left in clean
	// The columns: findings, no findings, packages fail to load, bad flags.
	for _, row := range rows {
		cmdline := row[1]
		var cells []int
		for _, c := range strings.Split(row[2], "|") {
			n, err := strconv.Atoi(strings.Fields(strings.TrimSpace(c) + " x")[0])
			if err != nil {
				t.Fatalf("README.md exit-code table, row %s: cell %q does not start with a number", cmdline, c)
			}
			cells = append(cells, n)
		}
		if len(cells) != 4 {
			t.Fatalf("README.md exit-code table, row %s: %d cells, want 4", cmdline, len(cells))
		}
		words := strings.Fields(cmdline)
		var name string
		var base []string
		switch {
		case words[0] == "grpcauthlint":
			name, base = bin, words[1:len(words)-1]
		case words[0] == "go" && words[1] == "vet":
			name, base = "go", []string{"vet", "-vettool=" + bin}
		default:
			t.Fatalf("README.md exit-code table: unknown command %q", cmdline)
		}
		for i, sit := range []struct {
			what string
			dir  string
			args []string
		}{
			{"findings", fixed, []string{"./..."}},
			{"no findings", clean, cleanArgs},
			{"packages fail to load", broken, []string{"./..."}},
			{"bad flags", clean, []string{"-dialcreds.allow-target=[", "./..."}},
		} {
			dir := sit.dir
			if strings.Contains(cmdline, "-fix") && sit.what == "findings" {
				dir = exampleCopy(t) // -fix changes the files
			}
			args := append(append([]string(nil), base...), sit.args...)
			_, errOut, code := run(t, dir, name, args...)
			if code != cells[i] {
				t.Errorf("README says `%s` exits %d when %s; it exits %d (%s %v)\nstderr: %.500s", cmdline, cells[i], sit.what, code, filepath.Base(name), args, errOut)
			}
		}
	}
}
