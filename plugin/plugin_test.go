package plugin_test

import (
	"flag"
	"strconv"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/analyzers"
	"github.com/grpcauthlint/grpcauthlint/plugin"
)

// build goes the way golangci-lint does: registry, constructor, analyzers.
func build(t *testing.T, settings any) ([]*analysis.Analyzer, register.LinterPlugin, error) {
	t.Helper()
	newPlugin, err := register.GetPlugin("grpcauthlint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(settings)
	if err != nil {
		return nil, nil, err
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatalf("BuildAnalyzers: %v", err)
	}
	return as, p, nil
}

func mustBuild(t *testing.T, settings any) []*analysis.Analyzer {
	t.Helper()
	as, _, err := build(t, settings)
	if err != nil {
		t.Fatalf("settings %v: %v", settings, err)
	}
	return as
}

func names(as []*analysis.Analyzer) string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return strings.Join(out, ",")
}

func find(t *testing.T, as []*analysis.Analyzer, name string) *analysis.Analyzer {
	t.Helper()
	for _, a := range as {
		if a.Name == name {
			return a
		}
	}
	t.Fatalf("no pass %s in %s", name, names(as))
	return nil
}

func TestRegistered(t *testing.T) {
	if plugin.Name != "grpcauthlint" {
		t.Errorf("plugin name %q, want grpcauthlint", plugin.Name)
	}
	as, p, err := build(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(as), strings.Join(analyzers.Names(), ","); got != want {
		t.Errorf("no settings: passes %s, want all: %s", got, want)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("load mode %q, want %q", got, register.LoadModeTypesInfo)
	}
	// An empty settings map (settings: {} in YAML) is the defaults too.
	if got := names(mustBuild(t, map[string]any{})); got != strings.Join(analyzers.Names(), ",") {
		t.Errorf("empty settings: passes %s", got)
	}
}

// TestSelect selects passes with enable and disable lists, as
// golangci-lint hands them over ([]any from YAML).
func TestSelect(t *testing.T) {
	all := analyzers.Names()
	for _, n := range all {
		if got := names(mustBuild(t, map[string]any{"enable": []any{n}})); got != n {
			t.Errorf("enable [%s]: passes %s", n, got)
		}
		var rest []string
		for _, m := range all {
			if m != n {
				rest = append(rest, m)
			}
		}
		if got := names(mustBuild(t, map[string]any{"disable": []any{n}})); got != strings.Join(rest, ",") {
			t.Errorf("disable [%s]: passes %s, want %s", n, got, strings.Join(rest, ","))
		}
	}
	if got := names(mustBuild(t, map[string]any{"enable": []any{}})); got != strings.Join(all, ",") {
		t.Errorf("enable []: passes %s, want all", got)
	}
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// isList reports whether the setting of a pass option is a list of
// strings, asking the settings decoder itself.
func isList(pass, option string) bool {
	_, err := analyzers.New(map[string]any{"enable": []any{pass}, pass: map[string]any{option: []any{}}})
	return err == nil
}

// listValues are candidate values for list options, in the notations the
// passes use (FullName, parameter, regexp, prefix); the first one that
// the option's flag accepts is used.
var listValues = []string{"example.com/auth.Fetch", "example.com/auth.Fetch#0", "^localhost:", "x-api-key"}

// TestOptionsMatchFlags sets every option of every pass once through a
// vet flag and once through golangci-lint settings, and expects the
// same configured analyzer: the options are the flags' words, and each
// plugin instance carries its own configuration.
func TestOptionsMatchFlags(t *testing.T) {
	n := 0
	for _, a := range analyzers.All() {
		a.Flags.VisitAll(func(f *flag.Flag) {
			n++
			var setting any
			var viaFlag *analysis.Analyzer
			switch {
			case isBool(f):
				def, _ := strconv.ParseBool(f.DefValue)
				setting = !def
				viaFlag = find(t, analyzers.All(), a.Name)
				if err := viaFlag.Flags.Set(f.Name, strconv.FormatBool(!def)); err != nil {
					t.Fatal(err)
				}
			case isList(a.Name, f.Name):
				for _, v := range listValues {
					cand := find(t, analyzers.All(), a.Name)
					if cand.Flags.Set(f.Name, v) == nil {
						viaFlag, setting = cand, []any{v}
						break
					}
				}
				if viaFlag == nil {
					t.Errorf("%s.%s: no candidate value accepted; add one to listValues", a.Name, f.Name)
					return
				}
			default:
				t.Errorf("%s.%s: option is neither true/false nor a list of strings", a.Name, f.Name)
				return
			}
			settings := map[string]any{a.Name: map[string]any{f.Name: setting}}
			viaSettings := find(t, mustBuild(t, settings), a.Name)
			got, want := viaSettings.Flags.Lookup(f.Name).Value.String(), viaFlag.Flags.Lookup(f.Name).Value.String()
			if got != want || got == f.Value.String() {
				t.Errorf("%s.%s: settings %v give %q, the flag gives %q (default %q)", a.Name, f.Name, settings, got, want, f.Value.String())
			}
			// A second instance with the defaults is untouched.
			if other := find(t, mustBuild(t, nil), a.Name); other.Flags.Lookup(f.Name).Value.String() != f.Value.String() {
				t.Errorf("%s.%s: settings of one plugin instance leak into another", a.Name, f.Name)
			}
		})
	}
	if n == 0 {
		t.Fatal("no pass has options")
	}
}

// badListValues are values some list options' flags reject.
var badListValues = []string{"not a function", "([", "example.com/auth.", "pkg.Func#x"}

// TestOptionsRejectLikeFlags expects a value that a pass's vet flag
// rejects to be rejected in golangci-lint settings too, with an error
// naming the pass and the option: a misspelt entry must not be ignored
// silently in one front end and refused in the other.
func TestOptionsRejectLikeFlags(t *testing.T) {
	for _, a := range analyzers.All() {
		a.Flags.VisitAll(func(f *flag.Flag) {
			if isBool(f) || !isList(a.Name, f.Name) {
				return
			}
			for _, v := range badListValues {
				flagErr := find(t, analyzers.All(), a.Name).Flags.Set(f.Name, v)
				if flagErr == nil {
					continue
				}
				settings := map[string]any{a.Name: map[string]any{f.Name: []any{v}}}
				_, _, err := build(t, settings)
				if err == nil {
					t.Errorf("settings %v: accepted, but the flag -%s.%s rejects %q: %v", settings, a.Name, f.Name, v, flagErr)
				} else if !strings.Contains(err.Error(), a.Name) {
					t.Errorf("settings %v: error %q does not name the pass", settings, err)
				}
			}
		})
	}
}

func TestBadSettings(t *testing.T) {
	type tc struct {
		settings any
		want     []string // substrings of the error
	}
	cases := []tc{
		{"yes", []string{"grpcauthlint settings must be a map"}},
		{[]any{"metadatakey"}, []string{"grpcauthlint settings must be a map"}},
		{map[string]any{"nosuchpass": map[string]any{}}, []string{`unknown setting "nosuchpass"`}},
		{map[string]any{"enable": []any{"nosuchpass"}}, []string{"enable", `unknown pass "nosuchpass"`}},
		{map[string]any{"disable": []any{"nosuchpass"}}, []string{"disable", `unknown pass "nosuchpass"`}},
		{map[string]any{"enable": "metadatakey"}, []string{"enable", "must be a list of pass names"}},
		{map[string]any{"disable": []any{true}}, []string{"disable", "must be a list of pass names"}},
		{map[string]any{"enable": []any{"metadatakey"}, "disable": []any{"metadatakey"}}, []string{"enable or disable, not both"}},
	}
	for _, a := range analyzers.All() {
		cases = append(cases,
			tc{map[string]any{a.Name: "yes"}, []string{a.Name, "must be a map of options"}},
			tc{map[string]any{a.Name: map[string]any{"nosuchoption": true}}, []string{a.Name, `unknown setting "nosuchoption"`}},
		)
		a.Flags.VisitAll(func(f *flag.Flag) {
			switch {
			case isBool(f):
				cases = append(cases, tc{map[string]any{a.Name: map[string]any{f.Name: "yes"}}, []string{a.Name, strconv.Quote(f.Name), "true or false"}})
			case isList(a.Name, f.Name):
				cases = append(cases,
					tc{map[string]any{a.Name: map[string]any{f.Name: "x"}}, []string{a.Name, strconv.Quote(f.Name), "list of strings"}},
					tc{map[string]any{a.Name: map[string]any{f.Name: []any{1}}}, []string{a.Name, f.Name}},
					// What golangci-lint makes of a map written where a list belongs.
					tc{map[string]any{a.Name: map[string]any{f.Name: map[string]any{"x": true}}}, []string{a.Name, strconv.Quote(f.Name), "list of strings"}},
				)
			}
		})
	}
	for _, c := range cases {
		_, _, err := build(t, c.settings)
		if err == nil {
			t.Errorf("settings %#v: no error", c.settings)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("settings %#v: error %q does not contain %q", c.settings, err, w)
			}
		}
	}
}
