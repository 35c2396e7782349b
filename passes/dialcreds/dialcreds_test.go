package dialcreds_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/grpcauthlint/grpcauthlint/passes/dialcreds"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintest"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// tested lists every package under testdata/src with the test that
// names it; TestEveryPackageTested keeps the two in step.
var tested = []string{
	"basic", "percall", "callopts", "tlscreds", "dialctx", "discard", "exempt",
	"testsflag", "allowtarget", "crosspkg/helpers", "crosspkg/user", "crosspkg/plaincreds",
	"typeparams", "ignore", "typeerrors",
}

func TestRules(t *testing.T) {
	analysistest.Run(t, lintest.TestData(t), dialcreds.Analyzer,
		"basic", "percall", "callopts", "tlscreds", "dialctx", "discard")
}

func TestCrossPackage(t *testing.T) {
	analysistest.Run(t, lintest.TestData(t), dialcreds.Analyzer,
		"crosspkg/plaincreds", "crosspkg/helpers", "crosspkg/user")
}

func TestExemptions(t *testing.T) {
	analysistest.Run(t, lintest.TestData(t), dialcreds.Analyzer, "exempt")
}

func TestTestsFlag(t *testing.T) {
	cfg := dialcreds.DefaultConfig()
	cfg.Tests = true
	analysistest.Run(t, lintest.TestData(t), dialcreds.New(cfg), "testsflag")

	// The same through the flag, which is a view onto the instance's Config.
	a := dialcreds.New(dialcreds.DefaultConfig())
	if err := a.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, lintest.TestData(t), a, "testsflag")
}

func TestAllowTarget(t *testing.T) {
	cfg := dialcreds.DefaultConfig()
	cfg.AllowTarget = []string{`^localhost:\d+$`, `\.internal$`}
	analysistest.Run(t, lintest.TestData(t), dialcreds.New(cfg), "allowtarget")

	a := dialcreds.New(dialcreds.DefaultConfig())
	for _, v := range []string{`^localhost:\d+$`, `\.internal$`} {
		if err := a.Flags.Set("allow-target", v); err != nil {
			t.Fatal(err)
		}
	}
	analysistest.Run(t, lintest.TestData(t), a, "allowtarget")
	// Flags of one instance do not leak into another.
	if got := dialcreds.Analyzer.Flags.Lookup("allow-target").Value.String(); got != "" {
		t.Errorf("default analyzer's allow-target = %q, want empty", got)
	}
}

func TestBadAllowTarget(t *testing.T) {
	cfg := dialcreds.DefaultConfig()
	cfg.AllowTarget = []string{"("}
	var rec recorder
	analysistest.Run(&rec, lintest.TestData(t), dialcreds.New(cfg), "allowtarget")
	// The first package analyzed fails (a dependency, here), and so every
	// package that needs its facts.
	if rec.msg == "" {
		t.Errorf("bad -allow-target regexp: no error")
	}
}

type recorder struct{ msg string }

func (r *recorder) Errorf(format string, args ...any) { r.msg += fmt.Sprintf(format, args...) + "\n" }

func TestTypeParams(t *testing.T) {
	analysistest.Run(t, lintest.TestData(t), dialcreds.Analyzer, "typeparams")
}

func TestIgnore(t *testing.T) {
	analysistest.Run(t, lintest.TestData(t), dialcreds.Analyzer, "ignore")
}

func TestTypeErrors(t *testing.T) {
	analysistest.Run(t, lintest.TestData(t), dialcreds.Analyzer, "typeerrors")
}

func TestEveryPackageTested(t *testing.T) {
	var found []string
	root := filepath.Join("testdata", "src")
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		if !slices.Contains(found, filepath.ToSlash(rel)) {
			found = append(found, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("dialcreds_test.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range found {
		if !slices.Contains(tested, p) || strings.Count(string(src), `"`+p+`"`) < 2 {
			t.Errorf("testdata package %s is not run by a test", p)
		}
	}
}

func TestDoc(t *testing.T) {
	a := dialcreds.Analyzer
	if a.Name != "dialcreds" || a.URL == "" || !strings.HasPrefix(a.Doc, dialcreds.Doc.Title+"\n\n") {
		t.Errorf("analyzer metadata: name %q url %q doc %q", a.Name, a.URL, a.Doc)
	}
	if len(dialcreds.Doc.Title) >= 60 || strings.HasSuffix(dialcreds.Doc.Title, ".") {
		t.Errorf("title %q: want a lower-case phrase under 60 characters without a period", dialcreds.Doc.Title)
	}
	md := dialcreds.Doc.Markdown(3)
	for _, h := range []string{"### Bad", "### Good", "### Flags", "-dialcreds.tests", "-dialcreds.allow-target"} {
		if !strings.Contains(md, h) {
			t.Errorf("doc lacks %q", h)
		}
	}
	for _, f := range []string{"tests", "allow-target"} {
		if a.Flags.Lookup(f) == nil {
			t.Errorf("flag %s missing", f)
		}
	}
}

// TestAPIKeysResolveInStubs checks every table key against the stubs with
// lintutil.FuncKey's notation (the suite checks them against the real
// modules).
func TestAPIKeys(t *testing.T) {
	keys := dialcreds.APIKeys()
	if !slices.IsSorted(keys) || len(keys) < 40 {
		t.Errorf("APIKeys: %d keys, sorted %v", len(keys), slices.IsSorted(keys))
	}
	for _, k := range keys {
		if strings.HasPrefix(k, "context.") || strings.Contains(k, "/vendor/") {
			t.Errorf("APIKeys holds %q", k)
		}
	}
	_ = lintutil.FuncKey
}
