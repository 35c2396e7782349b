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
// -fix on X.go.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds cmd/grpcauthlint once per test run.
func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "grpcauthlint-e2e")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "grpcauthlint")
		if runtime.GOOS == "windows" {
			binPath += ".exe"
		}
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// e2eModules lists the module directories under testdata/e2e.
func e2eModules(t *testing.T) []string {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join(repoRoot(t), "testdata", "e2e", "*", "go.mod"))
	if err != nil || len(matches) == 0 {
		t.Fatalf("no end-to-end modules found: %v", err)
	}
	var dirs []string
	for _, m := range matches {
		dirs = append(dirs, filepath.Dir(m))
	}
	return dirs
}

// download fetches a module's dependencies through the module proxy, so
// a fresh machine passes (the go command would do it anyway; doing it
// first keeps download noise out of the linter's output).
func download(t *testing.T, dir string) {
	t.Helper()
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, err, out)
	}
}

// expectation is one "pass: message" regexp on a line.
type expectation struct {
	file string // relative to the module root
	line int
	rx   *regexp.Regexp
	met  bool
}

var wantRx = regexp.MustCompile(`// want (.*)$`)

func readExpectations(t *testing.T, dir string) []*expectation {
	t.Helper()
	var exps []*expectation
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		for i, line := range strings.Split(string(data), "\n") {
			m := wantRx.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			rest := strings.TrimSpace(m[1])
			for rest != "" {
				q, err := strconv.QuotedPrefix(rest)
				if err != nil {
					return fmt.Errorf("%s:%d: bad want comment: %v", rel, i+1, err)
				}
				s, _ := strconv.Unquote(q)
				rx, err := regexp.Compile(s)
				if err != nil {
					return fmt.Errorf("%s:%d: %v", rel, i+1, err)
				}
				exps = append(exps, &expectation{file: filepath.ToSlash(rel), line: i + 1, rx: rx})
				rest = strings.TrimSpace(rest[len(q):])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return exps
}

// finding is one reported diagnostic, as "pass: message" at file:line.
type finding struct {
	file string
	line int
	text string
}

func (f finding) String() string { return fmt.Sprintf("%s:%d: %s", f.file, f.line, f.text) }

// match checks findings against expectations exactly.
func match(t *testing.T, front string, findings []finding, exps []*expectation) {
	t.Helper()
	for _, e := range exps {
		e.met = false
	}
	for _, f := range findings {
		ok := false
		for _, e := range exps {
			if !e.met && e.file == f.file && e.line == f.line && e.rx.MatchString(f.text) {
				e.met, ok = true, true
				break
			}
		}
		if !ok {
			t.Errorf("%s: unexpected finding %s", front, f)
		}
	}
	for _, e := range exps {
		if !e.met {
			t.Errorf("%s: %s:%d: no finding matching %q", front, e.file, e.line, e.rx)
		}
	}
}

func run(t *testing.T, dir string, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return o.String(), e.String(), code
}

var textRx = regexp.MustCompile(`^(.+\.go):(\d+):(\d+): (.*)$`)

// parseText reads "file:line:col: text" lines; with stripPass it keeps
// the text as is (go vet's plain output has no pass name).
func parseText(t *testing.T, dir, out string) []finding {
	t.Helper()
	var fs []finding
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		m := textRx.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("unexpected output line %q", l)
			continue
		}
		n, _ := strconv.Atoi(m[2])
		fs = append(fs, finding{file: relFile(dir, m[1]), line: n, text: m[4]})
	}
	return fs
}

func relFile(dir, file string) string {
	if filepath.IsAbs(file) {
		if rel, err := filepath.Rel(dir, file); err == nil {
			file = rel
		}
	}
	return filepath.ToSlash(file)
}

// parseJSON reads the {package: {pass: [diagnostic]}} trees of -json
// output (one merged tree from grpcauthlint, a stream from go vet).
func parseJSON(t *testing.T, dir, out string) []finding {
	t.Helper()
	var fs []finding
	seen := map[string]bool{}
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err != nil {
			t.Fatalf("bad JSON output: %v\n%s", err, out)
		}
		for _, passes := range tree {
			for pass, raw := range passes {
				var diags []struct {
					Posn    string `json:"posn"`
					Message string `json:"message"`
				}
				if err := json.Unmarshal(raw, &diags); err != nil {
					t.Errorf("pass %s reported an error: %s", pass, raw)
					continue
				}
				for _, d := range diags {
					m := regexp.MustCompile(`^(.+):(\d+):(\d+)$`).FindStringSubmatch(d.Posn)
					if m == nil {
						t.Errorf("bad posn %q", d.Posn)
						continue
					}
					n, _ := strconv.Atoi(m[2])
					f := finding{file: relFile(dir, m[1]), line: n, text: pass + ": " + d.Message}
					// A file in both a package and its test variant is reported twice.
					if key := d.Posn + f.text; !seen[key] {
						seen[key] = true
						fs = append(fs, f)
					}
				}
			}
		}
	}
	return fs
}

func TestEndToEnd(t *testing.T) {
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
			match(t, "go vet -vettool -json", parseJSON(t, dir, out), exps)
			_, errOut, code = run(t, dir, "go", "vet", "-vettool="+bin, "./...")
			if code != 1 {
				t.Errorf("go vet -vettool: exit %d, want 1", code)
			}
			plain := parseText(t, dir, errOut)
			var msgs []string
			for _, f := range plain {
				msgs = append(msgs, f.String())
			}
			var wantMsgs []string
			for _, f := range parseJSON(t, dir, out) {
				_, msg, _ := strings.Cut(f.text, ": ")
				wantMsgs = append(wantMsgs, finding{f.file, f.line, msg}.String())
			}
			sort.Strings(msgs)
			sort.Strings(wantMsgs)
			if strings.Join(msgs, "\n") != strings.Join(wantMsgs, "\n") {
				t.Errorf("go vet -vettool plain output differs from its -json output:\nplain:\n%s\njson:\n%s", strings.Join(msgs, "\n"), strings.Join(wantMsgs, "\n"))
			}
		})
	}
}

// TestFix runs -fix on a copy of each module and compares every file
// that has a .golden beside it; files without one must not change.
func TestFix(t *testing.T) {
	bin := binary(t)
	for _, dir := range e2eModules(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			download(t, dir)
			tmp := t.TempDir()
			if err := os.CopyFS(tmp, os.DirFS(dir)); err != nil {
				t.Fatal(err)
			}
			_, errOut, code := run(t, tmp, bin, "-fix", "./...")
			if code != 0 {
				t.Fatalf("grpcauthlint -fix: exit %d\n%s", code, errOut)
			}
			err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
					return err
				}
				rel, _ := filepath.Rel(dir, path)
				want, err := os.ReadFile(path + ".golden")
				if os.IsNotExist(err) {
					want, err = os.ReadFile(path)
				}
				if err != nil {
					return err
				}
				got, err := os.ReadFile(filepath.Join(tmp, rel))
				if err != nil {
					return err
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s after -fix:\n%s\nwant:\n%s", rel, got, want)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestExample runs the README's example command on testdata/example and
// compares its output with testdata/example/expected.txt, which the
// README quotes.
func TestExample(t *testing.T) {
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
	bin := binary(t)
	root := repoRoot(t)
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
		{args: []string{"-h"}, code: 0, out: "Exit codes of grpcauthlint"},
		{args: []string{"help", "metadatakey"}, code: 0, out: "# Bad"},
		{args: []string{"help", "nosuchpass"}, code: 2, err: `no pass "nosuchpass"`},
		{args: []string{"-C", "testdata/example", "-metadatakey=false", "./..."}, code: 0},
		{args: []string{"-C", "testdata/example", "-json", "./..."}, code: 0, out: `"metadatakey": [`},
		{args: []string{"-C", "testdata/example", "./nosuchdir"}, code: 1, err: "nosuchdir"},
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
