package lintest

// TestMessageLengths measures the length of every message the passes
// report on their own testdata (issue 20 §4: median at most 100
// characters, none over 160). It is a measurement, not a check, and
// runs only when asked:
//
//	go test ./passes/internal/lintest -run TestMessageLengths -msglen -v
//
// (-msglen.all logs every message, longest first.)
//
// Each pass runs over every package of its testdata/src (with the
// shared stubs), twice: with its default configuration and with every
// boolean option on (-tests, -all-connections), and each diagnostic is
// counted once (by position and text). Limits: list options (-auth-key,
// -fetcher, -allow-target, ...) keep their defaults, so messages only
// a non-default list produces are not counted; related-information
// texts and suggested-fix titles are not messages and are left out.

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/grpcauthlint/grpcauthlint/analyzers"
)

var (
	msglen    = flag.Bool("msglen", false, "run TestMessageLengths: measure the passes' messages on their testdata")
	msglenAll = flag.Bool("msglen.all", false, "with -msglen, log every message, longest first, not only the three longest")
)

func TestMessageLengths(t *testing.T) {
	if !*msglen {
		t.Skip("a measurement: run with -msglen")
	}
	var all []int
	for _, p := range analyzers.Passes() {
		msgs := passMessages(t, p.Name)
		var lens []int
		for _, m := range msgs {
			lens = append(lens, len(m))
		}
		all = append(all, lens...)
		t.Logf("%-13s %s", p.Name, figures(lens))
		sort.Slice(msgs, func(i, j int) bool { return len(msgs[i]) > len(msgs[j]) })
		shown := msgs[:min(3, len(msgs))]
		if *msglenAll {
			shown = msgs
		}
		for _, m := range shown {
			t.Logf("    %3d %s", len(m), m)
		}
	}
	t.Logf("%-13s %s", "all", figures(all))
}

// figures summarises message lengths: count, median, max, and how many
// exceed 100 and 160 characters.
func figures(lens []int) string {
	if len(lens) == 0 {
		return "no messages"
	}
	s := slices.Clone(lens)
	slices.Sort(s)
	median := float64(s[len(s)/2])
	if len(s)%2 == 0 {
		median = float64(s[len(s)/2-1]+s[len(s)/2]) / 2
	}
	over := func(n int) int {
		c := 0
		for _, l := range s {
			if l > n {
				c++
			}
		}
		return c
	}
	return fmt.Sprintf("n=%d median=%g max=%d over100=%d over160=%d", len(s), median, s[len(s)-1], over(100), over(160))
}

// passMessages returns the message of every diagnostic the pass name
// reports on its testdata, under its default configuration and with
// every boolean option on.
func passMessages(t *testing.T, name string) []string {
	dir := t.TempDir()
	for _, src := range []string{StubsDir(), filepath.Join("..", "..", name, "testdata", "src")} {
		if err := copyTree(src, filepath.Join(dir, "src")); err != nil {
			t.Fatal(err)
		}
	}
	var patterns []string
	root := filepath.Join("..", "..", name, "testdata", "src")
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") {
			rel, _ := filepath.Rel(root, filepath.Dir(path))
			if !slices.Contains(patterns, filepath.ToSlash(rel)) {
				patterns = append(patterns, filepath.ToSlash(rel))
			}
		}
		return nil
	})
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax,
		Dir:   dir,
		Tests: true,
		Env:   append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOWORK=off", "GOPROXY=off"),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var msgs []string
	for _, variant := range []bool{false, true} {
		a := analyzer(t, name, variant)
		res, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, act := range res.Roots {
			for _, d := range act.Diagnostics {
				key := fmt.Sprintf("%s\x00%s", act.Package.Fset.Position(d.Pos), d.Message)
				if !seen[key] {
					seen[key] = true
					msgs = append(msgs, d.Message)
				}
			}
		}
	}
	return msgs
}

// analyzer returns a fresh instance of pass name, with every boolean
// option on when bools.
func analyzer(t *testing.T, name string, bools bool) *analysis.Analyzer {
	as, err := analyzers.New(map[string]any{"enable": []any{name}})
	if err != nil || len(as) != 1 {
		t.Fatalf("building %s: %v", name, err)
	}
	a := as[0]
	if bools {
		a.Flags.VisitAll(func(f *flag.Flag) {
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
				if err := f.Value.Set("true"); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
	return a
}
