// Package e2etest holds the helpers of the end-to-end tests, shared by
// the vet tool's tests (cmd/grpcauthlint) and the golangci-lint plugin's
// (plugin): building the vet tool, finding the modules under
// testdata/e2e, reading their expectations and parsing each front end's
// findings.
//
// Expected findings are written in the modules' sources as
//
//	code // want "pass: message regexp" ["pass: message regexp" ...]
//
// and every finding must match an expectation on its line, and every
// expectation a finding. Files named X.go.golden hold the result of
// applying the suggested fixes to X.go.
package e2etest

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
	"strconv"
	"strings"
	"sync"
	"testing"
)

// ModulePath is the module path of this repository.
const ModulePath = "github.com/grpcauthlint/grpcauthlint"

// RepoRoot returns the root of this repository: the nearest directory
// at or above the working directory whose go.mod declares ModulePath.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && regexp.MustCompile(`(?m)^module\s+`+regexp.QuoteMeta(ModulePath)+`\s*$`).Match(data) {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("no go.mod of %s at or above the working directory", ModulePath)
		}
		dir = parent
	}
}

// NeedsGo skips t under -short: the fast tier (go test -short ./...)
// builds no binary, runs no go command, downloads and loads no real
// module. Every test that does calls it, directly or through VetTool,
// Download, RunProof or Run of the go command.
func NeedsGo(t testing.TB) {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: runs the go command (builds, downloads or loads real modules)")
	}
}

var (
	vetOnce sync.Once
	vetPath string
	vetErr  error
)

// Main runs a test binary's tests (call it from TestMain) and then
// removes what VetTool built.
func Main(m *testing.M) {
	code := m.Run()
	if vetPath != "" {
		os.RemoveAll(filepath.Dir(vetPath))
	}
	os.Exit(code)
}

// VetTool builds cmd/grpcauthlint once per test process and returns the
// binary's path; the test package's TestMain must call Main, which
// removes it.
func VetTool(t testing.TB) string {
	t.Helper()
	NeedsGo(t)
	root := RepoRoot(t)
	vetOnce.Do(func() {
		dir, err := os.MkdirTemp("", "grpcauthlint-e2e")
		if err != nil {
			vetErr = err
			return
		}
		vetPath = filepath.Join(dir, "grpcauthlint"+exeSuffix())
		cmd := exec.Command("go", "build", "-o", vetPath, "./cmd/grpcauthlint")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			vetErr = fmt.Errorf("go build ./cmd/grpcauthlint: %v\n%s", err, out)
		}
	})
	if vetErr != nil {
		t.Fatal(vetErr)
	}
	return vetPath
}

func exeSuffix() string {
	if runtime.GOOS == "windows" {
		return ".exe"
	}
	return ""
}

// Modules lists the module directories under testdata/e2e.
func Modules(t testing.TB) []string {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join(RepoRoot(t), "testdata", "e2e", "*", "go.mod"))
	if err != nil || len(matches) == 0 {
		t.Fatalf("no end-to-end modules found: %v", err)
	}
	var dirs []string
	for _, m := range matches {
		dirs = append(dirs, filepath.Dir(m))
	}
	return dirs
}

// Download fetches a module's dependencies through the module proxy, so
// a fresh machine passes (the go command would do it anyway; doing it
// first keeps download noise out of the linters' output).
func Download(t testing.TB, dir string) {
	t.Helper()
	NeedsGo(t)
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, err, out)
	}
}

// RunProof runs the run-time proofs of a pass's messages: go test -v
// on package pkg (for example "./serverauth") of the end-to-end module
// testdata/e2e/<module>, with -run run when run is not empty, against
// the real grpc-go of that module. It fails the test when go test fails
// or when a test named in mustPass did not pass, and skips it under
// -short.
func RunProof(t *testing.T, module, pkg, run string, mustPass ...string) {
	t.Helper()
	NeedsGo(t)
	dir := filepath.Join(RepoRoot(t), "testdata", "e2e", module)
	Download(t, dir)
	args := []string{"test", "-count=1", "-v"}
	if run != "" {
		args = append(args, "-run", run)
	}
	out, errOut, code := Run(t, dir, "go", append(args, pkg)...)
	if code != 0 {
		t.Fatalf("go test %s in %s: exit %d\n%s%s", pkg, dir, code, out, errOut)
	}
	for _, name := range mustPass {
		if !strings.Contains(out, "--- PASS: "+name) {
			t.Errorf("%s did not pass:\n%s", name, out)
		}
	}
}

// CopyModule copies the module in dir to a new temporary directory and
// returns it, for runs that change files.
func CopyModule(t testing.TB, dir string) string {
	t.Helper()
	tmp := t.TempDir()
	if err := os.CopyFS(tmp, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	return tmp
}

// Expectation is one "pass: message" regexp on a line.
type Expectation struct {
	File string // slash-separated, relative to the module root
	Line int
	Rx   *regexp.Regexp
	met  bool
}

// Pass returns the pass name the expectation starts with ("" if none).
func (e *Expectation) Pass() string {
	name, _, ok := strings.Cut(e.Rx.String(), ": ")
	if !ok || !regexp.MustCompile(`^[a-z]+$`).MatchString(name) {
		return ""
	}
	return name
}

var wantRx = regexp.MustCompile(`// want (.*)$`)

// GoFiles returns the .go files under dir, relative to it and
// slash-separated, in walk order; vendored code is left out.
func GoFiles(t testing.TB, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && d.Name() == "vendor" {
			return filepath.SkipDir
		}
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// ReadExpectations reads the // want comments of every .go file under dir
// (vendored code excluded).
func ReadExpectations(t testing.TB, dir string) []*Expectation {
	t.Helper()
	var exps []*Expectation
	for _, rel := range GoFiles(t, dir) {
		data, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			m := wantRx.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			rest := strings.TrimSpace(m[1])
			for rest != "" {
				q, err := strconv.QuotedPrefix(rest)
				if err != nil {
					t.Fatalf("%s:%d: bad want comment: %v", rel, i+1, err)
				}
				s, _ := strconv.Unquote(q)
				rx, err := regexp.Compile(s)
				if err != nil {
					t.Fatalf("%s:%d: %v", rel, i+1, err)
				}
				exps = append(exps, &Expectation{File: rel, Line: i + 1, Rx: rx})
				rest = strings.TrimSpace(rest[len(q):])
			}
		}
	}
	return exps
}

// CheckGoldens compares every .go file of fixed, the copy of module orig
// that front (a -fix run) rewrote, with its .golden in orig, or with the
// original when it has none, and returns how many goldens there were.
func CheckGoldens(t testing.TB, front, orig, fixed string) int {
	t.Helper()
	goldens := 0
	for _, rel := range GoFiles(t, orig) {
		path := filepath.Join(orig, rel)
		want, err := os.ReadFile(path + ".golden")
		if err == nil {
			goldens++
		} else if os.IsNotExist(err) {
			want, err = os.ReadFile(path)
		}
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(fixed, rel))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s after %s:\n%s\nwant:\n%s", rel, front, got, want)
		}
	}
	return goldens
}

// Finding is one reported diagnostic, as "pass: message" at file:line:col.
type Finding struct {
	File string // slash-separated, relative to the module root
	Line int
	Col  int
	Text string
}

func (f Finding) String() string { return fmt.Sprintf("%s:%d: %s", f.File, f.Line, f.Text) }

// Match checks findings against expectations exactly: every finding
// must match an expectation on its line, and every expectation a
// finding. front names the front end in errors.
func Match(t testing.TB, front string, findings []Finding, exps []*Expectation) {
	t.Helper()
	for _, e := range exps {
		e.met = false
	}
	for _, f := range findings {
		ok := false
		for _, e := range exps {
			if !e.met && e.File == f.File && e.Line == f.Line && e.Rx.MatchString(f.Text) {
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
			t.Errorf("%s: %s:%d: no finding matching %q", front, e.File, e.Line, e.Rx)
		}
	}
}

// Run runs a command in dir and returns its output and exit status; it
// fails the test if the command cannot be started.
func Run(t testing.TB, dir string, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	if name == "go" {
		NeedsGo(t)
	}
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

// ParseText reads "file:line:col: text" lines, skipping blank lines and
// go vet's "# package" headers; file names are made relative to dir.
func ParseText(t testing.TB, dir, out string) []Finding {
	t.Helper()
	var fs []Finding
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		m := textRx.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("unexpected output line %q", l)
			continue
		}
		if strings.HasPrefix(m[4], "\t") {
			// go vet prints a finding's related information as
			// "file:line:col: \tmessage" lines: not findings.
			continue
		}
		n, _ := strconv.Atoi(m[2])
		c, _ := strconv.Atoi(m[3])
		fs = append(fs, Finding{File: RelFile(dir, m[1]), Line: n, Col: c, Text: m[4]})
	}
	return fs
}

// FindingCount counts the findings of text output, not their related
// locations ("file:line:col: \tmessage").
func FindingCount(out string) int {
	n := 0
	for _, l := range strings.Split(out, "\n") {
		if l != "" && !strings.Contains(l, ": \t") {
			n++
		}
	}
	return n
}

// RelFile makes an absolute file name relative to dir, slash-separated.
func RelFile(dir, file string) string {
	if filepath.IsAbs(file) {
		// The go command reports files under the real path of dir.
		for _, d := range []string{dir, evalSymlinks(dir)} {
			if rel, err := filepath.Rel(d, file); err == nil && !strings.HasPrefix(rel, "..") {
				return filepath.ToSlash(rel)
			}
		}
	}
	return filepath.ToSlash(file)
}

func evalSymlinks(dir string) string {
	if d, err := filepath.EvalSymlinks(dir); err == nil {
		return d
	}
	return dir
}

var posnRx = regexp.MustCompile(`^(.+):(\d+):(\d+)$`)

// ParseJSON reads the {package: {pass: [diagnostic]}} trees of -json
// output (one merged tree from grpcauthlint, a stream from go vet).
func ParseJSON(t testing.TB, dir, out string) []Finding {
	t.Helper()
	var fs []Finding
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
					m := posnRx.FindStringSubmatch(d.Posn)
					if m == nil {
						t.Errorf("bad posn %q", d.Posn)
						continue
					}
					n, _ := strconv.Atoi(m[2])
					c, _ := strconv.Atoi(m[3])
					f := Finding{File: RelFile(dir, m[1]), Line: n, Col: c, Text: pass + ": " + d.Message}
					// A file in both a package and its test variant is reported twice.
					if key := d.Posn + f.Text; !seen[key] {
						seen[key] = true
						fs = append(fs, f)
					}
				}
			}
		}
	}
	return fs
}
