package main_test

// The go command's shared cache (GOCACHEPROG): the standalone command
// runs through go vet, whose per-package results and facts the go
// command caches by action id, so a second CI runner whose GOCACHEPROG
// talks to the same cache server reuses the first runner's lint results.
// This test runs the real thing on loopback: go-cacher-server (the HTTP
// cache) and go-cacher (the GOCACHEPROG child) of
// github.com/bradfitz/go-tool-cache, pinned in testdata/cacheprog/go.mod.

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/grpcauthlint/grpcauthlint/internal/e2etest"
)

// cacherStats is go-cacher's closing line (-verbose), printed on the
// go command's stderr when the go command stops it.
type cacherStats struct{ gets, hits, misses, puts int }

var cacherStatsRx = regexp.MustCompile(`cacher: closing; (\d+) gets \((\d+) hits, (\d+) misses, \d+ errors\); (\d+) puts`)

func parseCacherStats(t *testing.T, stderr string) cacherStats {
	t.Helper()
	ms := cacherStatsRx.FindAllStringSubmatch(stderr, -1)
	if len(ms) == 0 {
		t.Fatalf("no go-cacher statistics in stderr (was GOCACHEPROG used?):\n%s", stderr)
	}
	var s cacherStats
	for _, m := range ms { // one line per go command that used the cache
		n := func(i int) int { v, _ := strconv.Atoi(m[i]); return v }
		s.gets += n(1)
		s.hits += n(2)
		s.misses += n(3)
		s.puts += n(4)
	}
	return s
}

// buildCacheTools builds go-cacher and go-cacher-server at the version
// testdata/cacheprog/go.mod pins, into dir.
func buildCacheTools(t *testing.T, dir string) (cacher, server string) {
	t.Helper()
	mod := filepath.Join(e2etest.RepoRoot(t), "testdata", "cacheprog")
	cmd := exec.Command("go", "build", "-o", dir+string(filepath.Separator),
		"github.com/bradfitz/go-tool-cache/cmd/go-cacher", "github.com/bradfitz/go-tool-cache/cmd/go-cacher-server")
	cmd.Dir = mod
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building go-tool-cache: %v\n%s", err, out)
	}
	return filepath.Join(dir, "go-cacher"), filepath.Join(dir, "go-cacher-server")
}

// startCacheServer runs go-cacher-server on a free loopback port and
// returns its base URL; the server stops with the test.
func startCacheServer(t *testing.T, server, dir string) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	var log bytes.Buffer
	cmd := exec.Command(server, "-listen", addr, "-cache-dir", dir)
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	base := "http://" + addr
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if res, err := http.Get(base + "/"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return base
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("go-cacher-server did not come up on %s:\n%s", addr, log.String())
		}
	}
}

// runner is one CI machine: its own empty GOCACHE and go-cacher disk
// directory, the shared cache server behind them.
type runner struct {
	name string
	env  []string
}

func newRunner(t *testing.T, name, cacher, serverURL string) *runner {
	dir := filepath.Join(t.TempDir(), name)
	return &runner{name: name, env: append(os.Environ(),
		"GOCACHE="+filepath.Join(dir, "gocache"),
		fmt.Sprintf("GOCACHEPROG=%s -verbose -cache-dir %s -cache-server %s", cacher, filepath.Join(dir, "go-cacher"), serverURL),
	)}
}

func (r *runner) lint(t *testing.T, bin, dir string) (stdout string, stats cacherStats, elapsed time.Duration) {
	t.Helper()
	cmd := exec.Command(bin, "./...")
	cmd.Dir = dir
	cmd.Env = r.env
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	start := time.Now()
	err := cmd.Run()
	elapsed = time.Since(start)
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 3 {
		t.Fatalf("runner %s: grpcauthlint ./...: %v, want exit 3 (findings)\nstderr:\n%s", r.name, err, e.String())
	}
	return o.String(), parseCacherStats(t, e.String()), elapsed
}

// TestSharedCache: runner A lints the example module with an empty
// cache, filling the shared server; runner B, on a fresh GOCACHE and
// go-cacher directory, lints the same tree and must report the same
// findings while recomputing nothing: every action (compilation, vet
// results, facts) comes from the server, and B stores nothing new.
func TestSharedCache(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("compiles the example module's dependencies from an empty cache (about two CPU minutes)")
	}
	bin := e2etest.VetTool(t)
	example := filepath.Join(e2etest.RepoRoot(t), "testdata", "example")
	e2etest.Download(t, example)
	want, err := os.ReadFile(filepath.Join(example, "expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	tools := t.TempDir()
	cacher, server := buildCacheTools(t, tools)
	url := startCacheServer(t, server, filepath.Join(tools, "server-cache"))

	a := newRunner(t, "A", cacher, url)
	outA, statsA, coldA := a.lint(t, bin, example)
	if outA != string(want) {
		t.Errorf("runner A:\n%s\nwant (testdata/example/expected.txt):\n%s", outA, want)
	}
	if statsA.puts == 0 {
		t.Errorf("runner A stored nothing in the shared cache: %+v", statsA)
	}

	b := newRunner(t, "B", cacher, url)
	outB, statsB, timeB := b.lint(t, bin, example)
	if outB != outA {
		t.Errorf("runner B reports\n%s\nrunner A reported\n%s", outB, outA)
	}
	if statsB.hits == 0 || statsB.puts != 0 {
		t.Errorf("runner B recomputed work instead of reusing runner A's: %+v (want hits and no puts)", statsB)
	}

	_, statsWarm, warmA := a.lint(t, bin, example)
	t.Logf("A cold %v %+v; A warm %v %+v; B (fresh GOCACHE, shared server) %v %+v", coldA, statsA, warmA, statsWarm, timeB, statsB)
}
