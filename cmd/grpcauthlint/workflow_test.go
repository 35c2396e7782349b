package main

// The GitHub Actions workflow of docs/github-actions.yml, which README
// shows: its syntax, the caching of the custom golangci-lint, and its
// commands, which must be the ones README documents; the standalone
// job's lint commands are run on the example module.

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/grpcauthlint/grpcauthlint/internal/e2etest"
)

// workflow is the part of GitHub's workflow syntax the file uses; the
// decoder rejects any other key.
type workflow struct {
	Name        string            `yaml:"name"`
	On          []string          `yaml:"on"`
	Permissions map[string]string `yaml:"permissions"`
	Jobs        map[string]struct {
		RunsOn      string            `yaml:"runs-on"`
		Permissions map[string]string `yaml:"permissions"`
		Steps       []workflowStep    `yaml:"steps"`
	} `yaml:"jobs"`
}

type workflowStep struct {
	Name string            `yaml:"name"`
	ID   string            `yaml:"id"`
	If   string            `yaml:"if"`
	Uses string            `yaml:"uses"`
	With map[string]string `yaml:"with"`
	Run  string            `yaml:"run"`
}

const workflowFile = "docs/github-actions.yml"

func readWorkflow(t *testing.T) (raw []byte, wf workflow) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(e2etest.RepoRoot(t), workflowFile))
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(&wf); err != nil {
		t.Fatalf("%s: %v", workflowFile, err)
	}
	return raw, wf
}

// commands returns the shell commands of a run step, comments removed.
func commands(run string) []string {
	var cmds []string
	for _, line := range strings.Split(run, "\n") {
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			cmds = append(cmds, line)
		}
	}
	return cmds
}

var (
	usesRx    = regexp.MustCompile(`^[\w.-]+/[\w.-]+(/[\w./-]+)?@v\d+$`)
	exprRx    = regexp.MustCompile(`\$\{\{[^}]*\}\}`)
	shBlockRx = regexp.MustCompile("(?s)```sh\n(.*?)```")
)

func TestWorkflow(t *testing.T) {
	t.Parallel()
	raw, wf := readWorkflow(t)
	root := e2etest.RepoRoot(t)
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}

	// README shows the file as it is.
	block := "<!-- BEGIN " + workflowFile + " -->\n```yaml\n" + string(raw) + "```\n<!-- END " + workflowFile + " -->"
	if !bytes.Contains(readme, []byte(block)) {
		t.Errorf("README does not show %s verbatim between <!-- BEGIN/END %s --> markers", workflowFile, workflowFile)
	}
	// The commands README documents: the lines of its sh blocks.
	documented := map[string]bool{}
	for _, m := range shBlockRx.FindAllSubmatch(readme, -1) {
		for _, c := range commands(string(m[1])) {
			documented[c] = true
		}
	}

	if wf.Name == "" || len(wf.On) == 0 || wf.Permissions["contents"] != "read" {
		t.Errorf("workflow header: name %q, on %v, permissions %v", wf.Name, wf.On, wf.Permissions)
	}
	for _, name := range []string{"grpcauthlint", "golangci-lint"} {
		job, ok := wf.Jobs[name]
		if !ok {
			t.Fatalf("no job %s", name)
		}
		if job.RunsOn == "" || job.Permissions["security-events"] != "write" || len(job.Steps) < 3 {
			t.Errorf("job %s: runs-on %q, permissions %v, %d steps", name, job.RunsOn, job.Permissions, len(job.Steps))
		}
		ids := map[string]workflowStep{}
		var sarifOut []string // files the lint commands write
		uploads := 0
		for i, s := range job.Steps {
			if (s.Uses == "") == (s.Run == "") {
				t.Errorf("job %s step %d: wants exactly one of uses and run", name, i)
			}
			if s.ID != "" {
				ids[s.ID] = s
			}
			if strings.Count(s.If, "${{") != strings.Count(s.If, "}}") {
				t.Errorf("job %s step %d: unbalanced expression in if: %q", name, i, s.If)
			}
			if s.Uses != "" {
				if !usesRx.MatchString(s.Uses) {
					t.Errorf("job %s step %d: uses %q is not owner/repo[/path]@vN", name, i, s.Uses)
				}
				if strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@") {
					uploads++
					if s.Uses != "github/codeql-action/upload-sarif@v4" {
						t.Errorf("job %s: %s, want upload-sarif@v4 (v3 is deprecated)", name, s.Uses)
					}
					if !strings.Contains(s.If, "!cancelled()") || !slices.Contains(sarifOut, s.With["sarif_file"]) || s.With["category"] == "" {
						t.Errorf("job %s: upload step %+v does not upload what the lint step writes (%v) after a failed lint, with a category", name, s, sarifOut)
					}
				}
			}
			for _, c := range commands(s.Run) {
				if !documented[c] {
					t.Errorf("job %s step %d runs %q, which no sh block of README documents", name, i, c)
				}
				if m := regexp.MustCompile(`(?:> |--output\.sarif\.path=)(\S+\.sarif)`).FindStringSubmatch(c); m != nil {
					sarifOut = append(sarifOut, m[1])
				}
			}
		}
		if uploads != 1 {
			t.Errorf("job %s: %d upload-sarif steps, want 1", name, uploads)
		}
		if s := job.Steps; len(s) < 2 || s[0].Uses != "actions/checkout@v5" || s[1].Uses != "actions/setup-go@v6" || s[1].With["go-version-file"] != "go.mod" {
			t.Errorf("job %s does not start with checkout and setup-go (go-version-file: go.mod)", name)
		}
		if name != "golangci-lint" {
			continue
		}
		// The custom binary is cached, keyed on .custom-gcl.yml, go.sum
		// and the Go version, and built only on a miss.
		var cache, build *workflowStep
		for i, s := range job.Steps {
			if strings.HasPrefix(s.Uses, "actions/cache@") {
				cache = &job.Steps[i]
			}
			if strings.Contains(s.Run, "golangci-lint custom") {
				build = &job.Steps[i]
			}
		}
		if cache == nil || build == nil {
			t.Fatal("golangci-lint job: no actions/cache step or no golangci-lint custom step")
		}
		key := cache.With["key"]
		goStep, ok := ids["go"]
		if !ok || !strings.HasPrefix(goStep.Uses, "actions/setup-go@") {
			t.Error("golangci-lint job: no setup-go step with id go, whose go-version output keys the cache")
		}
		for _, want := range []string{"hashFiles('.custom-gcl.yml', 'go.sum')", "steps.go.outputs.go-version", "runner.os", "runner.arch", "steps.plugin.outputs.rev"} {
			if !strings.Contains(key, want) {
				t.Errorf("cache key %q lacks %s", key, want)
			}
		}
		if len(exprRx.FindAllString(key, -1)) != strings.Count(key, "${{") {
			t.Errorf("cache key %q: malformed expression", key)
		}
		if cache.ID == "" || build.If != "steps."+cache.ID+".outputs.cache-hit != 'true'" {
			t.Errorf("build step runs %q, want only on a cache miss of step %q", build.If, cache.ID)
		}
		// What the cache keeps is what golangci-lint custom writes, and
		// the golangci-lint installed is the release .custom-gcl.yml builds.
		var gcl struct {
			Version     string `yaml:"version"`
			Name        string `yaml:"name"`
			Destination string `yaml:"destination"`
			Plugins     []any  `yaml:"plugins"`
		}
		data, err := os.ReadFile(filepath.Join(root, ".custom-gcl.yml"))
		if err != nil {
			t.Fatal(err)
		}
		if err := yaml.Unmarshal(data, &gcl); err != nil {
			t.Fatal(err)
		}
		if got := filepath.Join(gcl.Destination, gcl.Name); got != filepath.Clean(cache.With["path"]) {
			t.Errorf("cache path %q, but golangci-lint custom writes %s", cache.With["path"], got)
		}
		// The lint step runs grpcauthlint only: a configuration that does
		// not define the plugin fails the job (plugin's TestGolangciLint
		// shows golangci-lint failing so).
		linted := false
		for _, s := range job.Steps {
			for _, c := range commands(s.Run) {
				if strings.HasPrefix(c, "bin/custom-gcl run ") {
					linted = true
					if !strings.Contains(c, " --enable-only=grpcauthlint ") {
						t.Errorf("golangci-lint job lints without --enable-only=grpcauthlint: %q", c)
					}
				}
			}
		}
		if !linted {
			t.Error("golangci-lint job: no bin/custom-gcl run step")
		}
		if !strings.Contains(build.Run, "golangci-lint/v2/cmd/golangci-lint@"+gcl.Version+"\n") {
			t.Errorf("build step installs another golangci-lint than .custom-gcl.yml's %s:\n%s", gcl.Version, build.Run)
		}
	}
}

// TestWorkflowCommands runs the standalone job's lint steps, as bash
// would on the runner, on a copy of the example module: the Lint step
// writes a valid SARIF log of the example's findings and exits 0, the
// gate exits 3.
func TestWorkflowCommands(t *testing.T) {
	t.Parallel()
	_, wf := readWorkflow(t)
	bin := e2etest.VetTool(t)
	example := filepath.Join(e2etest.RepoRoot(t), "testdata", "example")
	e2etest.Download(t, example)
	want, err := os.ReadFile(filepath.Join(example, "expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	dir := e2etest.CopyModule(t, example)
	env := append(os.Environ(), "PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"))
	ran := 0
	for _, s := range wf.Jobs["grpcauthlint"].Steps {
		for _, c := range commands(s.Run) {
			if !strings.HasPrefix(c, "grpcauthlint ") {
				continue
			}
			ran++
			cmd := exec.Command("bash", "-e", "-o", "pipefail", "-c", c)
			cmd.Dir, cmd.Env = dir, env
			var errOut bytes.Buffer
			cmd.Stderr = &errOut
			err := cmd.Run()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			switch {
			case strings.Contains(c, "-sarif"):
				if code != 0 {
					t.Errorf("%s: exit %d, want 0\n%s", c, code, errOut.String())
				}
				data, err := os.ReadFile(filepath.Join(dir, "grpcauthlint.sarif"))
				if err != nil {
					t.Fatal(err)
				}
				log := validateSARIF(t, data)
				if got, n := len(log.Runs[0].Results), e2etest.FindingCount(string(want)); got != n {
					t.Errorf("%s: %d results, want %d (testdata/example/expected.txt)", c, got, n)
				}
			default:
				if code != 3 {
					t.Errorf("%s: exit %d, want 3 (findings)\n%s", c, code, errOut.String())
				}
			}
		}
	}
	if ran != 2 {
		t.Errorf("ran %d grpcauthlint commands of the workflow, want 2 (the SARIF step and the gate)", ran)
	}
}
