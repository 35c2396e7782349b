package plugin_test

// End-to-end tests of the plugin in a real golangci-lint: the nested
// module testdata/golangci builds golangci-lint (from the module proxy,
// with a plain go build) with this checkout's plugin compiled in; the
// tests run it on the modules under testdata/e2e, which use the real
// grpc-go, and expect exactly the vet tool's findings there, with
// .golangci.example.yml, //nolint:grpcauthlint, //grpcauthlint:ignore,
// per-pass settings, exclusion rules and --fix.
//
// The binary takes minutes to build from cold, so it is cached under
// the user cache directory, keyed on everything that goes into it: both
// modules' go.mod and go.sum, the main package, the source files of this
// module's packages it links, and the go command's environment.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/grpcauthlint/grpcauthlint/analyzers"
	"github.com/grpcauthlint/grpcauthlint/internal/e2etest"
)

// TestMain removes the vet tool the tests build.
func TestMain(m *testing.M) { e2etest.Main(m) }

// golangciModule is the nested module that builds the custom binary.
func golangciModule(t *testing.T) string {
	return filepath.Join(e2etest.RepoRoot(t), "testdata", "golangci")
}

// buildKey hashes every input of the custom golangci-lint build.
func buildKey(t *testing.T, dir string) string {
	t.Helper()
	root := e2etest.RepoRoot(t)
	h := sha256.New()
	add := func(path string) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("build key: %v", err)
		}
		rel, _ := filepath.Rel(root, path)
		fmt.Fprintf(h, "%s %d\n", filepath.ToSlash(rel), len(data))
		h.Write(data)
	}
	env, err := goCmd(dir, "env", "GOVERSION", "GOOS", "GOARCH", "GOAMD64", "GOARM64", "CGO_ENABLED", "GOFLAGS", "GOEXPERIMENT")
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	h.Write(env)
	for _, f := range []string{
		filepath.Join(dir, "go.mod"), filepath.Join(dir, "go.sum"),
		filepath.Join(root, "go.mod"), filepath.Join(root, "go.sum"),
	} {
		add(f)
	}
	// The packages of this module that the binary links (the plugin and
	// everything it imports from here), and the main package.
	out, err := goCmd(dir, "list", "-deps", "-f",
		`{{if or (not .Module) .Module.Main (eq .Module.Path "`+e2etest.ModulePath+`")}}{{if not .Standard}}{{.Dir}}{{range .GoFiles}}|{{.}}{{end}}{{range .CgoFiles}}|{{.}}{{end}}{{range .EmbedFiles}}|{{.}}{{end}}{{"\n"}}{{end}}{{end}}`, ".")
	if err != nil {
		t.Fatalf("go list -deps in %s: %v", dir, err)
	}
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Split(l, "|")
		for _, f := range fields[1:] {
			add(filepath.Join(fields[0], f))
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:20]
}

func goCmd(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%v\n%s", err, stderr.Bytes())
	}
	return out, nil
}

// golangciLint returns the custom golangci-lint binary, built by
// testdata/golangci, from the cache if its inputs have not changed.
func golangciLint(t *testing.T) string {
	t.Helper()
	dir := golangciModule(t)
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	cache := filepath.Join(base, "grpcauthlint-test", "golangci-lint")
	key := buildKey(t, dir)
	bin := filepath.Join(cache, key, "golangci-lint")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	now := time.Now()
	if _, err := os.Stat(bin); err == nil {
		_ = os.Chtimes(filepath.Dir(bin), now, now) // in use: kept by pruneCache
		t.Logf("golangci-lint with the plugin: %s (cached)", bin)
		return bin
	}
	if err := os.MkdirAll(filepath.Dir(bin), 0o755); err != nil {
		t.Fatal(err)
	}
	tmp := fmt.Sprintf("%s.tmp%d", bin, os.Getpid())
	start := time.Now()
	out, err := exec.Command("go", "build", "-C", dir, "-buildvcs=false", "-o", tmp, ".").CombinedOutput()
	if err != nil {
		_ = os.Remove(tmp)
		t.Fatalf("building golangci-lint with the plugin (go build in testdata/golangci): %v\n%s\n"+
			"If go.sum lacks entries after a change of the root go.mod, run: cd testdata/golangci && go mod tidy", err, out)
	}
	if err := os.Rename(tmp, bin); err != nil {
		t.Fatal(err)
	}
	t.Logf("golangci-lint with the plugin: built %s in %v", bin, time.Since(start).Round(time.Second))
	pruneCache(cache, filepath.Dir(bin))
	return bin
}

// pruneCache removes the binaries of other keys unused for a week.
func pruneCache(cache, keep string) {
	entries, _ := os.ReadDir(cache)
	for _, e := range entries {
		p := filepath.Join(cache, e.Name())
		if info, err := e.Info(); err == nil && p != keep && time.Since(info.ModTime()) > 7*24*time.Hour {
			_ = os.RemoveAll(p)
		}
	}
}

// config renders a golangci-lint configuration (JSON is YAML) with the
// example's issue and exclusion settings and the plugin settings.
func config(t *testing.T, settings map[string]any) string {
	t.Helper()
	exclusions := map[string]any{"generated": "strict"}
	data, err := json.MarshalIndent(map[string]any{
		"version": "2",
		"linters": map[string]any{
			"default": "none",
			"enable":  []string{"grpcauthlint"},
			"settings": map[string]any{"custom": map[string]any{"grpcauthlint": map[string]any{
				"type":     "module",
				"settings": settings,
			}}},
			"exclusions": exclusions,
		},
		"issues": map[string]any{"uniq-by-line": false, "max-issues-per-linter": 0, "max-same-issues": 0},
	}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

var stderrProblemRx = regexp.MustCompile(`(?m)^.*level=(warning|error).*$`)

// golangci runs golangci-lint run in dir with the configuration cfg and
// returns its findings; it fails the test on a bad exit status or
// warnings.
func golangci(t *testing.T, bin, dir, cfg string, args ...string) []e2etest.Finding {
	t.Helper()
	cfgPath := filepath.Join(dir, ".golangci.yml")
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	// Each test has its own golangci-lint cache (GOLANGCI_LINT_CACHE),
	// so it may run beside other golangci-lint processes.
	args = append([]string{"run", "-c", cfgPath, "--allow-parallel-runners", "--output.json.path=stdout", "--show-stats=false"}, args...)
	args = append(args, "./...")
	out, errOut, code := e2etest.Run(t, dir, bin, args...)
	if code != 0 && code != 1 {
		t.Fatalf("golangci-lint %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), code, out, errOut)
	}
	if m := stderrProblemRx.FindAllString(errOut, -1); len(m) > 0 {
		t.Errorf("golangci-lint %s: warnings or errors:\n%s", strings.Join(args, " "), strings.Join(m, "\n"))
	}
	var res struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename     string
				Line, Column int
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("golangci-lint %s: bad JSON output: %v\n%s\nstderr: %s", strings.Join(args, " "), err, out, errOut)
	}
	var fs []e2etest.Finding
	for _, is := range res.Issues {
		if is.FromLinter != "grpcauthlint" {
			t.Errorf("finding from linter %q, want grpcauthlint: %s", is.FromLinter, is.Text)
		}
		if relatedIssue(is.Text) {
			t.Errorf("golangci-lint %s: related information as an issue of its own (the plugin drops it): %s:%d: %s", strings.Join(args, " "), is.Pos.Filename, is.Pos.Line, is.Text)
			continue
		}
		fs = append(fs, e2etest.Finding{File: e2etest.RelFile(dir, is.Pos.Filename), Line: is.Pos.Line, Col: is.Pos.Column, Text: is.Text})
	}
	if want := min(len(fs), 1); code != want && !strings.Contains(strings.Join(args, " "), "--fix") {
		t.Errorf("golangci-lint %s: exit %d with %d findings", strings.Join(args, " "), code, len(fs))
	}
	return fs
}

// readSARIF reads golangci-lint's SARIF output; every result must come
// from the rule grpcauthlint.
func readSARIF(t *testing.T, dir, path string) []e2etest.Finding {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string
		Runs    []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(data, &log); err != nil || log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("%s: not a SARIF 2.1.0 log with one run (%v):\n%s", path, err, data)
	}
	var fs []e2etest.Finding
	for _, r := range log.Runs[0].Results {
		if r.RuleID != "grpcauthlint" || len(r.Locations) != 1 {
			t.Errorf("SARIF result with rule %q and %d locations, want grpcauthlint and 1", r.RuleID, len(r.Locations))
			continue
		}
		if relatedIssue(r.Message.Text) {
			t.Errorf("%s: related information as a result of its own (the plugin drops it): %s", path, r.Message.Text)
			continue
		}
		loc := r.Locations[0].PhysicalLocation
		fs = append(fs, e2etest.Finding{File: e2etest.RelFile(dir, filepath.FromSlash(loc.ArtifactLocation.URI)), Line: loc.Region.StartLine, Col: loc.Region.StartColumn, Text: r.Message.Text})
	}
	return fs
}

// vet runs the vet tool with flags on dir and returns its findings.
func vet(t *testing.T, dir string, flags ...string) []e2etest.Finding {
	t.Helper()
	args := append(append([]string{"-json"}, flags...), "./...")
	out, errOut, code := e2etest.Run(t, dir, e2etest.VetTool(t), args...)
	if code != 0 {
		t.Fatalf("grpcauthlint %v: exit %d\n%s", args, code, errOut)
	}
	return e2etest.ParseJSON(t, dir, out)
}

// same checks that two front ends report the same findings, to the
// column.
func same(t *testing.T, what string, got, want []e2etest.Finding) {
	t.Helper()
	str := func(fs []e2etest.Finding) string {
		var s []string
		for _, f := range fs {
			s = append(s, fmt.Sprintf("%s:%d:%d: %s", f.File, f.Line, f.Col, f.Text))
		}
		sort.Strings(s)
		return strings.Join(s, "\n")
	}
	if g, w := str(got), str(want); g != w {
		t.Errorf("%s: golangci-lint and the vet tool differ\ngolangci-lint:\n%s\ngrpcauthlint:\n%s", what, g, w)
	}
}

// without returns the expectations that drop does not select.
func without(exps []*e2etest.Expectation, drop func(*e2etest.Expectation) bool) []*e2etest.Expectation {
	var out []*e2etest.Expectation
	for _, e := range exps {
		if !drop(e) {
			out = append(out, e)
		}
	}
	return out
}

// rewriteWantLines rewrites, in every .go file under dir, the lines
// holding a // want comment: edit gets the line's index among all such
// lines (in walk order), its file and line number, its text and the
// next line's, and returns its replacement (one or more lines).
func rewriteWantLines(t *testing.T, dir string, edit func(i int, file string, line int, text, next string) string) {
	t.Helper()
	i := 0
	for _, rel := range e2etest.GoFiles(t, dir) {
		path := filepath.Join(dir, rel)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		orig := slices.Clone(lines)
		for n, l := range orig {
			if strings.Contains(l, "// want ") {
				next := ""
				if n+1 < len(orig) {
					next = orig[n+1]
				}
				lines[n] = edit(i, rel, n+1, l, next)
				i++
			}
		}
		if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if i < 2 {
		t.Fatalf("%s: need at least two // want lines, found %d", dir, i)
	}
}

type lineKey struct {
	file string
	line int
}

func TestGolangciLint(t *testing.T) {
	e2etest.NeedsGo(t) // builds golangci-lint (minutes from cold) and lints modules using the real grpc-go
	bin := golangciLint(t)
	e2etest.VetTool(t)
	clear(changed)
	settingsRuns, disableChecked = 0, false
	// golangci-lint's result cache of this test only: never results of
	// another build of the plugin.
	t.Setenv("GOLANGCI_LINT_CACHE", t.TempDir())
	example, err := os.ReadFile(filepath.Join(e2etest.RepoRoot(t), ".golangci.example.yml"))
	if err != nil {
		t.Fatal(err)
	}
	t.Run("bad-settings", func(t *testing.T) {
		// golangci-lint stops with the plugin's error, naming pass and key.
		tmp := t.TempDir()
		cfg := filepath.Join(tmp, ".golangci.yml")
		if err := os.WriteFile(cfg, []byte(config(t, map[string]any{"metadatakey": map[string]any{"test": true}})), 0o644); err != nil {
			t.Fatal(err)
		}
		_, errOut, code := e2etest.Run(t, tmp, bin, "run", "-c", cfg, "--allow-parallel-runners", "./...")
		if want := `grpcauthlint settings: metadatakey: unknown setting "test"`; code != 3 || !strings.Contains(errOut, want) {
			t.Errorf("golangci-lint with a misspelt option: exit %d, stderr:\n%s\nwant exit 3 and %q", code, errOut, want)
		}
	})
	t.Run("enable-only-without-plugin", func(t *testing.T) {
		// The CI recipe's lint step (docs/github-actions.yml) runs
		// --enable-only=grpcauthlint: with a .golangci.yml that does not
		// define the plugin, golangci-lint fails instead of passing
		// without running it.
		tmp := t.TempDir()
		cfg := filepath.Join(tmp, ".golangci.yml")
		if err := os.WriteFile(cfg, []byte("version: \"2\"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(tmp, "go.mod"), []byte("module example.com/m\n\ngo 1.26.0\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(tmp, "m.go"), []byte("package m\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, errOut, code := e2etest.Run(t, tmp, bin, "run", "-c", cfg, "--allow-parallel-runners", "--enable-only=grpcauthlint", "./...")
		if code == 0 || !strings.Contains(errOut, "grpcauthlint") {
			t.Errorf("golangci-lint --enable-only=grpcauthlint with a config that does not define the plugin: exit %d, stderr:\n%s\nwant a failure naming grpcauthlint", code, errOut)
		}
	})
	for _, dir := range e2etest.Modules(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			e2etest.Download(t, dir)
			exps := e2etest.ReadExpectations(t, dir)
			if len(exps) == 0 {
				t.Fatal("module has no // want expectations")
			}
			vetDefault := vet(t, dir)
			passes := map[string]bool{}
			for _, e := range exps {
				passes[e.Pass()] = true
			}

			t.Run("example-config", func(t *testing.T) {
				tmp := e2etest.CopyModule(t, dir)
				sarif := filepath.Join(t.TempDir(), "grpcauthlint.sarif")
				got := golangci(t, bin, tmp, string(example), "--output.sarif.path="+sarif)
				e2etest.Match(t, "golangci-lint -c .golangci.example.yml", got, exps)
				same(t, "example config", got, vetDefault)
				// The SARIF output for code scanning holds the same findings.
				same(t, "SARIF output", readSARIF(t, tmp, sarif), vetDefault)
			})

			t.Run("ignore-directive", func(t *testing.T) {
				// Every want line gets a //grpcauthlint:ignore line above it
				// naming its passes: both front ends report none of them,
				// and no directive as unused.
				tmp := e2etest.CopyModule(t, dir)
				byLine := map[lineKey][]string{}
				for _, e := range exps {
					k := lineKey{e.File, e.Line}
					if p := e.Pass(); p != "" && !contains(byLine[k], p) {
						byLine[k] = append(byLine[k], p)
					}
				}
				rewriteWantLines(t, tmp, func(_ int, file string, n int, l, _ string) string {
					indent := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
					return indent + "//grpcauthlint:ignore " + strings.Join(byLine[lineKey{file, n}], ",") + " injected by the end-to-end test\n" + l
				})
				exps := e2etest.ReadExpectations(t, tmp)
				want := without(exps, func(e *e2etest.Expectation) bool { return suppressedLine(t, tmp, e, "") })
				// The example's configuration: golangci-lint's cache of the
				// example-config run serves the dependencies.
				e2etest.Match(t, "golangci-lint with //grpcauthlint:ignore", golangci(t, bin, tmp, string(example)), want)
				e2etest.Match(t, "grpcauthlint with //grpcauthlint:ignore", vet(t, tmp), want)
			})

			t.Run("nolint", func(t *testing.T) {
				// Every other want line gets //nolint:grpcauthlint, the
				// others a //nolint for another linter, which must not hide
				// our findings; and an exclusion rule with text "^<pass>:"
				// leaves out one pass in one file.
				tmp := e2etest.CopyModule(t, dir)
				var rulePass, ruleFile string
				rewriteWantLines(t, tmp, func(i int, file string, n int, l, next string) string {
					if i%2 == 0 {
						// golangci-lint extends a //nolint to the next line's
						// node that starts in the comment's column: start the
						// comment right of the next line's code.
						code, _, _ := strings.Cut(next, "//")
						pad := max(1, len(code)-strings.Index(l, "// want ")+1)
						return strings.Replace(l, "// want ", strings.Repeat(" ", pad)+"//nolint:grpcauthlint // want ", 1)
					}
					if rulePass == "" {
						for _, e := range exps {
							if e.File == file && e.Line == n && e.Pass() != "" {
								rulePass, ruleFile = e.Pass(), file
								break
							}
						}
					}
					return strings.Replace(l, "// want ", "//nolint:errcheck // want ", 1)
				})
				exps := e2etest.ReadExpectations(t, tmp)
				nolint := func(e *e2etest.Expectation) bool { return suppressedLine(t, tmp, e, "//nolint:grpcauthlint") }
				excluded := func(e *e2etest.Expectation) bool { return e.File == ruleFile && e.Pass() == rulePass }
				if len(without(exps, nolint)) == len(exps) || rulePass == "" {
					t.Fatal("nothing suppressed by //nolint or the exclusion rule")
				}
				// The rule goes into the example's configuration (exclusions
				// do not change golangci-lint's cache key: the dependencies'
				// results of the example-config run serve).
				path, _ := json.Marshal(regexp.QuoteMeta(filepath.FromSlash(ruleFile)) + "$")
				text, _ := json.Marshal("^" + rulePass + ":")
				rule := fmt.Sprintf("    rules:\n      - path: %s\n        linters: [grpcauthlint]\n        text: %s\n", path, text)
				const anchor = "    generated: strict\n"
				if !strings.Contains(string(example), anchor) {
					t.Fatalf(".golangci.example.yml: no %q line to add an exclusion rule after", strings.TrimSpace(anchor))
				}
				cfg := strings.Replace(string(example), anchor, anchor+rule, 1)
				got := golangci(t, bin, tmp, cfg)
				e2etest.Match(t, fmt.Sprintf("golangci-lint with //nolint:grpcauthlint and exclusion rule\n%s", rule), got,
					without(exps, func(e *e2etest.Expectation) bool { return nolint(e) || excluded(e) }))
			})

			t.Run("settings", func(t *testing.T) {
				settingsRuns++
				tmp := e2etest.CopyModule(t, dir)
				// Select: leave out the first pass the module exercises
				// (in one module: selection does not depend on the code).
				var p string
				for _, n := range analyzers.Names() {
					if passes[n] {
						p = n
						break
					}
				}
				if p != "" && !disableChecked {
					disableChecked = true
					got := golangci(t, bin, tmp, config(t, map[string]any{"disable": []any{p}}))
					e2etest.Match(t, "golangci-lint with disable: ["+p+"]", got, without(exps, func(e *e2etest.Expectation) bool { return e.Pass() == p }))
					same(t, "disable: ["+p+"]", got, vet(t, tmp, "-"+p+"=false"))
				}
				// Every option of the passes the module exercises, set at
				// once through settings and through the vet flags.
				settings := map[string]any{}
				var flags []string
				for _, a := range analyzers.All() {
					if !passes[a.Name] {
						continue
					}
					opts := map[string]any{}
					a.Flags.VisitAll(func(f *flag.Flag) {
						switch {
						case isBool(f):
							if f.DefValue == "false" {
								opts[f.Name] = true
								flags = append(flags, "-"+a.Name+"."+f.Name+"=true")
							}
						case isList(a.Name, f.Name):
							for _, v := range listValues {
								if find(t, analyzers.All(), a.Name).Flags.Set(f.Name, v) == nil {
									opts[f.Name] = []any{v}
									flags = append(flags, "-"+a.Name+"."+f.Name+"="+v)
									break
								}
							}
						}
					})
					settings[a.Name] = opts
				}
				got := golangci(t, bin, tmp, config(t, settings))
				same(t, fmt.Sprintf("settings %v, flags %v", settings, flags), got, vet(t, tmp, flags...))
				if len(got) != len(vetDefault) {
					changed[filepath.Base(dir)] = true
				}
			})

			t.Run("fix", func(t *testing.T) {
				tmp := e2etest.CopyModule(t, dir)
				golangci(t, bin, tmp, string(example), "--fix")
				checkGoldens(t, dir, tmp)
			})
		})
	}
	// At least one option changed the findings somewhere: settings arrive.
	if settingsRuns > 0 && !t.Failed() && len(changed) == 0 {
		t.Error("no pass option changed any module's findings: are settings passed to the passes?")
	}
}

var (
	// changed records the modules whose findings the options changed.
	changed = map[string]bool{}
	// settingsRuns counts the settings subtests run.
	settingsRuns int
	// disableChecked is set once a settings subtest has checked disable.
	disableChecked bool
)

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// suppressedLine reports whether e's line carries the nolint comment
// (marker != "") or follows an injected //grpcauthlint:ignore line.
func suppressedLine(t *testing.T, dir string, e *e2etest.Expectation, marker string) bool {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(e.File)))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	if marker != "" {
		return strings.Contains(lines[e.Line-1], marker)
	}
	return e.Line >= 2 && strings.Contains(lines[e.Line-2], "//grpcauthlint:ignore ") && strings.Contains(lines[e.Line-2], "injected by the end-to-end test")
}

// checkGoldens compares every .go file of the fixed copy with its
// .golden in the original module, or with the original if it has none.
func checkGoldens(t *testing.T, orig, fixed string) {
	t.Helper()
	goldens := e2etest.CheckGoldens(t, "golangci-lint --fix", orig, fixed)
	if goldens == 0 {
		t.Logf("%s: no .golden files: --fix must change nothing", orig)
	}
}

// readmeBlock returns the shell block of README.md between the markers
// <!-- BEGIN name ... --> and <!-- END name -->, without its fences.
func readmeBlock(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(e2etest.RepoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(data), "<!-- BEGIN "+name)
	if !ok {
		t.Fatalf("README.md: no <!-- BEGIN %s --> marker", name)
	}
	_, rest, _ = strings.Cut(rest, "-->\n")
	block, _, ok := strings.Cut(rest, "<!-- END "+name+" -->")
	if !ok {
		t.Fatalf("README.md: no <!-- END %s --> marker", name)
	}
	block = strings.TrimSpace(block)
	if !strings.HasPrefix(block, "```sh\n") || !strings.HasSuffix(block, "\n```") {
		t.Fatalf("README.md: the %s block is not one ```sh fence:\n%s", name, block)
	}
	return strings.TrimSuffix(strings.TrimPrefix(block, "```sh\n"), "\n```") + "\n"
}

// TestOfflineRecipe runs README's "build with a plain go build" block as
// written, with this checkout as the ../grpcauthlint it expects, and
// lints testdata/directives with the binary it builds: the recipe and
// the README cannot drift, and the binary reports the mis-written
// //grpcauthlint:ignore comments once each, by the first enabled pass.
func TestOfflineRecipe(t *testing.T) {
	e2etest.NeedsGo(t) // builds golangci-lint from the README's recipe (minutes from cold)
	script := readmeBlock(t, "OFFLINE RECIPE")
	work := t.TempDir()
	if err := os.Symlink(e2etest.RepoRoot(t), filepath.Join(work, "grpcauthlint")); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", "-euo", "pipefail", "-c", script)
	cmd.Dir = work
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("README's offline recipe failed: %v\n%s\nscript:\n%s", err, out, script)
	}
	t.Logf("README's offline recipe built bin/custom-gcl in %v", time.Since(start).Round(time.Second))
	bin := filepath.Join(work, "bin", "custom-gcl")
	t.Setenv("GOLANGCI_LINT_CACHE", t.TempDir())

	src := filepath.Join(e2etest.RepoRoot(t), "testdata", "directives")
	data, err := os.ReadFile(filepath.Join(src, "expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Split(strings.TrimSpace(strings.ReplaceAll(string(data), "{passes}", strings.Join(analyzers.Names(), ", "))), "\n")
	names := analyzers.Names()
	for _, tc := range []struct {
		settings map[string]any
		pass     string
	}{
		{map[string]any{}, names[0]},
		{map[string]any{"disable": []any{names[0]}}, names[1]},
		{map[string]any{"enable": []any{names[len(names)-1]}}, names[len(names)-1]},
	} {
		dir := e2etest.CopyModule(t, src)
		got := golangci(t, bin, dir, config(t, tc.settings))
		var gotLines, wantLines []string
		for _, f := range got {
			gotLines = append(gotLines, fmt.Sprintf("%s:%d:%d: %s", f.File, f.Line, f.Col, f.Text))
		}
		rx := regexp.MustCompile(`^(\S+:\d+:\d+): `)
		for _, l := range want {
			wantLines = append(wantLines, rx.ReplaceAllString(l, "$1: "+tc.pass+": "))
		}
		sort.Strings(gotLines)
		sort.Strings(wantLines)
		if g, w := strings.Join(gotLines, "\n"), strings.Join(wantLines, "\n"); g != w {
			t.Errorf("golangci-lint with settings %v on testdata/directives:\n%s\nwant:\n%s", tc.settings, g, w)
		}
	}
}

// relatedIssue reports whether text is an issue golangci-lint made of a
// finding's related information ("pass(related information): ..."). The
// plugin drops related information: such an issue escapes //nolint and
// exclusion rules on "^pass:", so it must never appear.
func relatedIssue(text string) bool {
	return strings.Contains(text, "(related information): ")
}
