package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/grpcauthlint/grpcauthlint/internal/e2etest"
)

// readmeBlock returns the lines of the shell block of README.md between
// <!-- BEGIN name ... --> and <!-- END name -->, without the fences.
func readmeBlock(t *testing.T, name string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(data), "<!-- BEGIN "+name)
	if !ok {
		t.Fatalf("README.md: no <!-- BEGIN %s --> marker", name)
	}
	_, rest, _ = strings.Cut(rest, "-->\n")
	block, _, ok := strings.Cut(rest, "<!-- END "+name+" -->")
	block = strings.TrimSpace(block)
	if !ok || !strings.HasPrefix(block, "```sh\n") || !strings.HasSuffix(block, "\n```") {
		t.Fatalf("README.md: the %s block is not one ```sh fence", name)
	}
	return strings.Split(strings.TrimSuffix(strings.TrimPrefix(block, "```sh\n"), "\n```"), "\n")
}

// TestInstallFromClone runs README's install from a clone (this
// checkout is the clone) into a fresh GOBIN, and the installed binary
// on the example.
func TestInstallFromClone(t *testing.T) {
	t.Parallel()
	e2etest.NeedsGo(t) // installs the binary
	lines := readmeBlock(t, "INSTALL CLONE")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "git clone https://github.com/grpcauthlint/grpcauthlint") {
		t.Fatalf("README's install from a clone is not `git clone ...` then the install: %q", lines)
	}
	install, _, _ := strings.Cut(lines[1], "#")
	gobin := t.TempDir()
	cmd := exec.Command("bash", "-euc", install)
	cmd.Dir = repoRoot(t)
	cmd.Env = append(os.Environ(), "GOBIN="+gobin)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", install, err, out)
	}
	example := filepath.Join(repoRoot(t), "testdata", "example")
	download(t, example)
	want, _ := os.ReadFile(filepath.Join(example, "expected.txt"))
	out, errOut, code := run(t, example, filepath.Join(gobin, "grpcauthlint"), "./...")
	if code != 3 || out != string(want) {
		t.Errorf("installed grpcauthlint on the example: exit %d, want 3\n%s\nstderr: %s", code, out, errOut)
	}
}

// TestInstallAsTool runs README's tool-directive route as written in a
// user's module (a copy of the example) with this checkout beside it as
// ../grpcauthlint: go tool grpcauthlint must lint the module.
func TestInstallAsTool(t *testing.T) {
	t.Parallel()
	e2etest.NeedsGo(t) // builds the tool in a user's module
	script := strings.Join(readmeBlock(t, "INSTALL TOOL"), "\n") + "\n"
	if !strings.Contains(script, "go tool grpcauthlint ./...") {
		t.Fatalf("README's tool route does not run `go tool grpcauthlint ./...`:\n%s", script)
	}
	work := t.TempDir()
	if err := os.Symlink(repoRoot(t), filepath.Join(work, "grpcauthlint")); err != nil {
		t.Fatal(err)
	}
	example := filepath.Join(repoRoot(t), "testdata", "example")
	download(t, example)
	user := filepath.Join(work, "user")
	if err := os.CopyFS(user, os.DirFS(example)); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := e2etest.Run(t, user, "bash", "-eu", "-c", script)
	if code != 3 || !strings.Contains(out, "metadatakey: ") || !strings.Contains(out, "client/dial.go:") {
		t.Errorf("README's tool route in a user's module: exit %d, want 3 (the example's findings)\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	gomod, _ := os.ReadFile(filepath.Join(user, "go.mod"))
	if !strings.Contains(string(gomod), "\ntool github.com/grpcauthlint/grpcauthlint/cmd/grpcauthlint\n") {
		t.Errorf("go.mod has no tool directive:\n%s", gomod)
	}
}
