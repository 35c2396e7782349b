package analyzers_test

import (
	"strings"
	"testing"

	"github.com/grpcauthlint/grpcauthlint/analyzers"
)

func names(t *testing.T, settings map[string]any) []string {
	t.Helper()
	as, err := analyzers.New(settings)
	if err != nil {
		t.Fatalf("New(%v): %v", settings, err)
	}
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

func TestSettingsSelect(t *testing.T) {
	all := analyzers.Names()
	if got := names(t, nil); strings.Join(got, ",") != strings.Join(all, ",") {
		t.Errorf("defaults: got %v, want %v", got, all)
	}
	if got := names(t, map[string]any{"enable": []any{"metadatakey"}}); strings.Join(got, ",") != "metadatakey" {
		t.Errorf("enable: got %v", got)
	}
	got := names(t, map[string]any{"disable": []any{"metadatakey"}})
	for _, n := range got {
		if n == "metadatakey" {
			t.Errorf("disable: metadatakey still enabled: %v", got)
		}
	}
	if len(got) != len(all)-1 {
		t.Errorf("disable: got %v", got)
	}
	// Options of every pass decode from their documented empty form.
	settings := map[string]any{}
	for _, n := range all {
		settings[n] = map[string]any{}
	}
	if got := names(t, settings); len(got) != len(all) {
		t.Errorf("empty pass settings: got %v", got)
	}
}

func TestSettingsErrors(t *testing.T) {
	for _, tc := range []struct {
		settings map[string]any
		want     string
	}{
		{map[string]any{"enable": []any{"nosuchpass"}}, `enable: unknown pass "nosuchpass"`},
		{map[string]any{"disable": "metadatakey"}, "disable: must be a list of pass names"},
		{map[string]any{"enable": []any{1}}, "enable: must be a list of pass names, not a list holding int"},
		{map[string]any{"enable": []any{"metadatakey"}, "disable": []any{"metadatakey"}}, "set enable or disable, not both"},
		{map[string]any{"nosuchpass": map[string]any{}}, `unknown setting "nosuchpass"`},
		{map[string]any{"metadatakey": map[string]any{"test": true}}, `metadatakey: unknown setting "test"`},
		{map[string]any{"metadatakey": map[string]any{"tests": "yes"}}, `metadatakey: setting "tests" must be true or false, not string`},
		{map[string]any{"tokenrefresh": map[string]any{"fetcher": []any{"not a function"}}}, `invalid tokenrefresh fetcher "not a function"`},
		{map[string]any{"credpath": map[string]any{"func": []any{"pkg.Func#x"}}}, `credpath: bad -credpath.func entry "pkg.Func#x"`},
		{map[string]any{"dialcreds": map[string]any{"allow-target": []any{"(["}}}, `dialcreds: bad allow-target "(["`},
		{map[string]any{"metadatakey": "yes"}, "metadatakey: settings must be a map of options, not string"},
	} {
		_, err := analyzers.New(tc.settings)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("New(%v) = %v, want error containing %q", tc.settings, err, tc.want)
		}
	}
}
