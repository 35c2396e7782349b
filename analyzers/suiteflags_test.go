package analyzers_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/analyzers"
)

// authKeys returns each analyzer's auth-key option, by pass.
func authKeys(as []*analysis.Analyzer) map[string]string {
	out := map[string]string{}
	for _, a := range as {
		if f := a.Flags.Lookup(analyzers.AuthKey); f != nil {
			out[a.Name] = f.Value.String()
		}
	}
	return out
}

// TestSuiteAuthKeySetting: the suite setting auth-key feeds every pass
// that has the option; a pass's own setting replaces it for that pass.
func TestSuiteAuthKeySetting(t *testing.T) {
	for _, tc := range []struct {
		settings map[string]any
		want     string
	}{
		{nil, "dialcreds=authorization serverauth=authorization"},
		{map[string]any{"auth-key": []any{"authorization", "x-api-key"}}, "dialcreds=authorization,x-api-key serverauth=authorization,x-api-key"},
		{map[string]any{"auth-key": []any{"x-api-key"}, "serverauth": map[string]any{"auth-key": []any{"x-token"}}}, "dialcreds=x-api-key serverauth=x-token"},
		{map[string]any{"auth-key": []any{"x-api-key"}, "dialcreds": map[string]any{"tests": true}}, "dialcreds=x-api-key serverauth=x-api-key"},
	} {
		as, err := analyzers.New(tc.settings)
		if err != nil {
			t.Fatalf("New(%v): %v", tc.settings, err)
		}
		keys := authKeys(as)
		if got := "dialcreds=" + keys["dialcreds"] + " serverauth=" + keys["serverauth"]; got != tc.want || len(keys) != 2 {
			t.Errorf("New(%v): auth keys %v, want %s", tc.settings, keys, tc.want)
		}
	}
	for _, tc := range []struct {
		settings map[string]any
		want     string
	}{
		{map[string]any{"auth-key": []any{"Bad Key"}}, `auth-key: invalid auth-key "Bad Key"`},
		{map[string]any{"auth-key": "x-api-key"}, "auth-key: must be a list of strings"},
	} {
		if _, err := analyzers.New(tc.settings); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("New(%v) = %v, want error containing %q", tc.settings, err, tc.want)
		}
	}
}

// TestSuiteAuthKeyFlag: -auth-key sets every pass's auth-key as its
// default, whichever order it and a pass's own flag come in; the pass's
// own flag stands for that pass.
func TestSuiteAuthKeyFlag(t *testing.T) {
	for _, order := range []string{"suite first", "pass first"} {
		as := analyzers.All()
		var suite analyzers.SuiteFlag
		for _, f := range analyzers.SuiteFlags(as) {
			if f.Name == analyzers.AuthKey {
				suite = f
			}
		}
		if suite.Value == nil {
			t.Fatal("no -auth-key suite flag")
		}
		if got := suite.Value.String(); got != "authorization" {
			t.Errorf("-auth-key before use = %q, want the passes' default", got)
		}
		setPass := func() {
			for _, a := range as {
				if a.Name == "serverauth" {
					if err := a.Flags.Set(analyzers.AuthKey, "x-token"); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		if order == "pass first" {
			setPass()
		}
		for _, v := range []string{"x-api-key", "authorization"} {
			if err := suite.Value.Set(v); err != nil {
				t.Fatal(err)
			}
		}
		if order == "suite first" {
			setPass()
		}
		keys := authKeys(as)
		if keys["dialcreds"] != "x-api-key,authorization" || keys["serverauth"] != "x-token" {
			t.Errorf("%s: auth keys %v, want dialcreds x-api-key,authorization and serverauth x-token", order, keys)
		}
		if got := suite.Value.String(); got != "x-api-key,authorization" {
			t.Errorf("-auth-key = %q", got)
		}
		if err := suite.Value.Set("Bad Key"); err == nil || !strings.Contains(err.Error(), `invalid auth-key "Bad Key"`) {
			t.Errorf("-auth-key=Bad Key: %v, want an invalid auth-key error", err)
		}
	}
}
