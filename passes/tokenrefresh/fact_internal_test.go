package tokenrefresh

import (
	"bytes"
	"encoding/gob"
	"go/types"
	"reflect"
	"strings"
	"testing"
)

// gobRoundTrip encodes in and decodes it into out, as facts cross
// packages under go vet -vettool.
func gobRoundTrip(t *testing.T, in, out any) {
	t.Helper()
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(in); err != nil {
		t.Fatal(err)
	}
	if err := gob.NewDecoder(&buf).Decode(out); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(in, out) {
		t.Errorf("round trip: got %+v, want %+v", out, in)
	}
}

// Every fact type of the analyzer, with realistic non-zero values.
func TestFactGob(t *testing.T) {
	facts := map[string][2]any{
		"fetcherFact":        {&fetcherFact{Result: 1, Access: true}, new(fetcherFact)},
		"fetcherFact/holder": {&fetcherFact{Result: 0, Holder: true}, new(fetcherFact)},
		"tokenParamFact": {&tokenParamFact{Params: []ParamSummary{
			{Index: 0, Kept: "oauth.NewOauthAccess", Static: true, Result: -1, HolderResult: -1, FrozenResult: -1},
			{Index: 2, Recv: true, Result: 0, ResultAccess: true, HolderResult: 1, FrozenResult: 1, FrozenBy: "oauth2.StaticTokenSource"},
			{Index: 1, Kept: "package variable current", Result: -1, HolderResult: 0, FrozenResult: -1},
		}}, new(tokenParamFact)},
	}
	for name, f := range facts {
		t.Run(name, func(t *testing.T) { gobRoundTrip(t, f[0], f[1]) })
	}
	// Every fact type the analyzer declares is covered.
	for _, ft := range Analyzer.FactTypes {
		name := reflect.TypeOf(ft).Elem().Name()
		if _, ok := facts[name]; !ok {
			t.Errorf("fact type %s has no gob round-trip case", name)
		}
	}
}

func TestFactString(t *testing.T) {
	if got, want := (&fetcherFact{Result: 1, Access: true}).String(), "returns a fetched access token (result 1)"; got != want {
		t.Errorf("fetcherFact.String() = %q, want %q", got, want)
	}
	if got, want := (&fetcherFact{Result: 0, Holder: true}).String(), "returns a value holding a fetched access token (result 0)"; got != want {
		t.Errorf("fetcherFact.String() = %q, want %q", got, want)
	}
	f := &tokenParamFact{Params: []ParamSummary{
		{Index: 0, Kept: "package variable current", Result: -1, HolderResult: -1, FrozenResult: -1},
		{Index: 1, Recv: true, Result: 0, HolderResult: 1, FrozenResult: 2, FrozenBy: "oauth.NewOauthAccess"},
	}}
	want := "token param 0: kept in package variable current; token param 1: stored in the receiver, returned as result 0, held by result 1, frozen by oauth.NewOauthAccess in result 2"
	if got := f.String(); got != want {
		t.Errorf("tokenParamFact.String() = %q, want %q", got, want)
	}
}

// The name pre-filter is derived from the table: every key's name
// passes it for the key's role, and only for the roles the table gives
// that name.
func TestNamePrefilter(t *testing.T) {
	for key, a := range apis {
		name := keyName(key)
		if name == "" || strings.ContainsAny(name, "()*/") {
			t.Errorf("key %q: name %q is not an identifier", key, name)
		}
		if apiNames[name]&a.role == 0 {
			t.Errorf("key %q (role %b): name %q does not pass the pre-filter", key, a.role, name)
		}
	}
	// A function whose name no key has is filtered out before keying.
	pkg := types.NewPackage("golang.org/x/oauth2", "oauth2")
	fn := types.NewFunc(0, pkg, "NotInTheTable", types.NewSignatureType(nil, nil, nil, nil, nil, false))
	if _, ok := lookup(fn, ^role(0)); ok {
		t.Error("lookup matched a name the table does not have")
	}
	// And one the table has is found, with its role only.
	static := types.NewFunc(0, pkg, "StaticTokenSource", types.NewSignatureType(nil, nil, nil, nil, nil, false))
	if _, ok := lookup(static, roleFrozen); !ok {
		t.Error("lookup(oauth2.StaticTokenSource, roleFrozen) = false")
	}
	if _, ok := lookup(static, roleFetch); ok {
		t.Error("lookup(oauth2.StaticTokenSource, roleFetch) = true")
	}
}

// One role per entry, each a single bit, every role used.
func TestRoles(t *testing.T) {
	used := role(0)
	for key, a := range apis {
		if a.role == 0 || a.role&(a.role-1) != 0 {
			t.Errorf("key %q has role %b, want exactly one", key, a.role)
		}
		used |= a.role
	}
	if want := roleExpiryField<<1 - 1; used != want {
		t.Errorf("roles used = %b, want %b", used, want)
	}
}
