package tokenrefresh_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintest"
	"github.com/grpcauthlint/grpcauthlint/passes/tokenrefresh"
)

func TestTokenRefresh(t *testing.T) {
	t.Parallel()
	results := lintest.Run(t, tokenrefresh.Analyzer,
		"fetches", "frozen", "refreshers", "caches", "percall", "closures",
		"oneshot", "longmain", "typeparams", "wrappers", "wrappers/lib", "wrappers/mid",
		"ignore", "testfiles", "helpers", "pkglevel", "ignorenofetch",
		"libtypes", "peruse", "peruse/lib", "ownwrap", "ownwrap/lib", "connectfrozen")
	checkRelated(t, results)
}

// checkRelated checks that where a token is kept, when on another line
// than its fetch, is the finding's related location (the message names
// no line): every line marked "// related" in the packages is the
// related location of a finding reported on another line.
func checkRelated(t *testing.T, results []*lintest.Result) {
	t.Helper()
	type line struct {
		file string
		line int
	}
	marked := make(map[line]bool)
	for _, res := range results {
		fset := res.Action.Package.Fset
		for _, f := range res.Action.Package.Syntax {
			for _, cg := range f.Comments {
				for _, c := range cg.List {
					if c.Text == "// related" {
						p := fset.Position(c.Pos())
						marked[line{p.Filename, p.Line}] = false
					}
				}
			}
		}
		for _, d := range res.Diagnostics {
			at := fset.Position(d.Pos)
			for _, rel := range d.Related {
				p := fset.Position(rel.Pos)
				if p.Filename == at.Filename && p.Line == at.Line {
					t.Errorf("%v: related location on the finding's own line", at)
				}
				if rel.Message != "the access token is kept here" && rel.Message != "the token is frozen here" {
					t.Errorf("%v: related message %q", p, rel.Message)
				}
				if _, ok := marked[line{p.Filename, p.Line}]; ok {
					marked[line{p.Filename, p.Line}] = true
				}
			}
		}
	}
	if len(marked) == 0 {
		t.Fatal("no // related markers found")
	}
	for l, found := range marked {
		if !found {
			t.Errorf("%s:%d: no finding has its related location here", l.file, l.line)
		}
	}
}

func TestTests(t *testing.T) {
	t.Parallel()
	cfg := tokenrefresh.DefaultConfig()
	cfg.Tests = true
	lintest.Run(t, tokenrefresh.New(cfg), "testfileson")
}

func TestUserFetcher(t *testing.T) {
	t.Parallel()
	cfg := tokenrefresh.DefaultConfig()
	cfg.Fetcher = []string{"userfetcher/auth.Get", "(*userfetcher/auth.Box).Get"}
	lintest.Run(t, tokenrefresh.New(cfg), "userfetcher", "userfetcher/auth")
}

// The flag fills the same list as the setting.
func TestUserFetcherFlag(t *testing.T) {
	t.Parallel()
	a := tokenrefresh.New(tokenrefresh.DefaultConfig())
	if err := a.Flags.Set("fetcher", "userfetcher/auth.Get, (*userfetcher/auth.Box).Get"); err != nil {
		t.Fatal(err)
	}
	lintest.Run(t, a, "userfetcher")
	// Another instance is not affected.
	if got := tokenrefresh.Analyzer.Flags.Lookup("fetcher").Value.String(); got != "" {
		t.Errorf("default analyzer's fetcher flag = %q, want empty", got)
	}
}

func TestBadFetcher(t *testing.T) {
	t.Parallel()
	for _, bad := range []string{"Fetch", "(example.com/auth.Client.Token", "example.com/auth.", "(*example.com/auth).Token", "example.com/auth.Get()", "/x.F"} {
		a := tokenrefresh.New(tokenrefresh.DefaultConfig())
		err := a.Flags.Set("fetcher", bad)
		if err == nil || !strings.Contains(err.Error(), "FullName notation") {
			t.Errorf("flag -fetcher=%q: err = %v, want a FullName notation error", bad, err)
		}
	}
	// From settings, the entry reaches run: a clear error, no panic.
	cfg := tokenrefresh.Config{Fetcher: []string{"not a function"}}
	rec := &recorder{}
	lintest.Run(rec, tokenrefresh.New(cfg), "badflag")
	if !strings.Contains(rec.String(), `invalid tokenrefresh fetcher "not a function"`) {
		t.Errorf("want an invalid fetcher error, got:\n%s", rec)
	}
}

type recorder struct{ strings.Builder }

func (r *recorder) Errorf(format string, args ...any) { fmt.Fprintf(&r.Builder, format+"\n", args...) }

// Broken code must not panic the pass.
func TestTypeErrors(t *testing.T) {
	t.Parallel()
	lintest.Run(t, tokenrefresh.Analyzer, "typeerrors")
}

func TestAPIKeys(t *testing.T) {
	t.Parallel()
	keys := tokenrefresh.APIKeys()
	for _, want := range []string{
		"(*golang.org/x/oauth2.Config).Exchange",
		"(golang.org/x/oauth2.TokenSource).Token",
		"google.golang.org/grpc/credentials/oauth.NewOauthAccess",
		"golang.org/x/oauth2.Token.AccessToken",
	} {
		found := false
		for _, k := range keys {
			found = found || k == want
		}
		if !found {
			t.Errorf("APIKeys lacks %q", want)
		}
	}
}
