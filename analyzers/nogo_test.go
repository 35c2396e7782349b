package analyzers_test

// What Bazel's nogo (rules_go v0.65.0, go/tools/builders:
// generate_nogo_main.go and nogo_main.go) requires of third-party
// analyzers, checked without Bazel (README, "Bazel (nogo)", says what
// is left untested):
//   - the generated main lists `<package>.Analyzer` for each package in
//     the nogo rule's deps: every pass package exports
//     `var Analyzer *analysis.Analyzer`, named as its package;
//   - the JSON config is keyed by Analyzer.Name, for the analyzers and
//     (to a depth of one) the analyzers they require: names are unique;
//   - analyzer_flags maps a flag name without "-" to one string, applied
//     with Analyzer.Flags.Set once per key (an unknown flag or a bad value
//     stops nogo): every option can be set so, and gives the same
//     configuration as the golangci-lint setting;
//   - nogo gob.Registers every fact type of the analyzers and of what
//     they require (TestFactsEncode checks the round trip).

import (
	"encoding/gob"
	"flag"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/grpcauthlint/grpcauthlint/analyzers"
	"github.com/grpcauthlint/grpcauthlint/internal/e2etest"
)

const modulePath = "github.com/grpcauthlint/grpcauthlint"

func TestNogoAnalyzerVars(t *testing.T) {
	e2etest.NeedsGo(t) // packages.Load runs go list -export: it compiles the passes
	var paths []string
	for _, name := range analyzers.Names() {
		paths = append(paths, modulePath+"/passes/"+name)
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedTypes}, paths...)
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) != len(paths) {
		t.Fatalf("loaded %d packages for %d passes", len(pkgs), len(paths))
	}
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			t.Errorf("%s: %v", p.PkgPath, p.Errors)
			continue
		}
		want := strings.TrimPrefix(p.PkgPath, modulePath+"/passes/")
		if p.Name != want {
			t.Errorf("%s: package name %s, want %s (the pass's name)", p.PkgPath, p.Name, want)
		}
		v, ok := p.Types.Scope().Lookup("Analyzer").(*types.Var)
		if !ok || types.TypeString(v.Type(), nil) != "*golang.org/x/tools/go/analysis.Analyzer" {
			t.Errorf("%s does not export var Analyzer *analysis.Analyzer, which nogo's generated main references", p.PkgPath)
		}
	}
}

func TestNogoConfigNames(t *testing.T) {
	byName := map[string]*analysis.Analyzer{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if prev, ok := byName[a.Name]; ok {
			if prev != a {
				t.Errorf("two analyzers named %q: nogo's config cannot tell them apart", a.Name)
			}
			return
		}
		byName[a.Name] = a
		for _, f := range a.FactTypes {
			gob.Register(f) // as nogo does; panics on a name clash
		}
		for _, r := range a.Requires {
			visit(r)
		}
	}
	for _, a := range analyzers.All() {
		visit(a)
	}
	for _, name := range analyzers.Names() {
		if byName[name] == nil {
			t.Errorf("pass %s has no analyzer of that name", name)
		}
	}
	if a := byName["grpcauthlintshared"]; a != nil {
		a.Flags.VisitAll(func(f *flag.Flag) {
			t.Errorf("the shared analyzer has flag %s: nogo would apply its config to every pass", f.Name)
		})
	}
}

// nogoFlagExamples are analyzer_flags values for the list options: one
// string each, several entries separated by commas where the option
// splits them. allow-target is one regular expression per use, so a nogo
// config joins alternatives with | (README says so).
var nogoFlagExamples = map[string]string{
	"credpath.allow-prefix":  "/vault/secrets,/etc/app/keys",
	"credpath.func":          "example.com/pkg.LoadKey#0,example.com/pkg.Options.KeyFile",
	"tokenrefresh.fetcher":   "example.com/auth.FetchToken,(*example.com/auth.Client).Token",
	"dialcreds.allow-target": "^localhost:[0-9]+$|^sidecar\\.local:",
	"serverauth.interceptor": "example.com/auth.Unary,(*example.com/auth.Verifier).Interceptor",
	"serverauth.auth-key":    "authorization,x-api-key",
	"dialcreds.auth-key":     "authorization,x-api-key",
}

func TestNogoAnalyzerFlags(t *testing.T) {
	for _, a := range analyzers.All() {
		a.Flags.VisitAll(func(f *flag.Flag) {
			key := a.Name + "." + f.Name
			value, ok := nogoFlagExamples[key]
			var setting any
			switch {
			case isBool(f):
				value, setting = "true", true
			case ok && key == "dialcreds.allow-target":
				setting = []any{value}
			case ok:
				var list []any
				for _, s := range strings.Split(value, ",") {
					list = append(list, s)
				}
				setting = list
			default:
				t.Errorf("%s: no analyzer_flags example for this option; add one to nogoFlagExamples", key)
				return
			}
			if strings.HasPrefix(f.Name, "-") {
				t.Errorf("%s: nogo rejects flag names starting with -", key)
			}
			// nogo: a fresh Analyzer (the package's var), Flags.Set once.
			fresh := analyzerNamed(t, a.Name, nil)
			if err := fresh.Flags.Set(f.Name, value); err != nil {
				t.Errorf(`"analyzer_flags": {%q: %q}: %v`, f.Name, value, err)
				return
			}
			// golangci-lint: the same option as a setting.
			viaSetting := analyzerNamed(t, a.Name, map[string]any{a.Name: map[string]any{f.Name: setting}})
			got, want := fresh.Flags.Lookup(f.Name).Value.String(), viaSetting.Flags.Lookup(f.Name).Value.String()
			if got != want || got == f.DefValue {
				t.Errorf("%s: analyzer_flags %q gives %q, the setting %v gives %q (default %q)", key, value, got, setting, want, f.DefValue)
			}
		})
		if a.Flags.Lookup("no-such-flag") != nil {
			t.Fatal("flag lookup is not exact")
		}
		if f := a.Flags.Lookup("tests"); f != nil {
			if err := analyzerNamed(t, a.Name, nil).Flags.Set("tests", "maybe"); err == nil {
				t.Errorf(`%s: analyzer_flags {"tests": "maybe"} accepted; nogo stops only on an error from Set`, a.Name)
			}
		}
	}
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

func analyzerNamed(t *testing.T, name string, settings map[string]any) *analysis.Analyzer {
	t.Helper()
	as, err := analyzers.New(settings)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		if a.Name == name {
			return a
		}
	}
	t.Fatalf("no analyzer %s", name)
	return nil
}
