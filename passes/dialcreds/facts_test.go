package dialcreds

import (
	"bytes"
	"encoding/gob"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestFactsGob encodes a realistic value of every fact type with
// encoding/gob, as the drivers do between packages, and compares the
// decoded value.
func TestFactsGob(t *testing.T) {
	facts := []analysis.Fact{
		&optsFact{Summary: optsSummary{Kind: kindNone, Param: 1, Insecure: true, TLSCreds: "oauth.TokenSource", Via: viaDefault}},
		&dialerFact{Opts: 1, Target: 0, Entry: "grpc.NewClient", Base: optsSummary{Kind: kindAuth, Param: -1, TLSCreds: "helpers.Credentials", Via: viaDialOpt, Interceptors: true, UniTok: true, UniMay: true, Unknown: true}, Gateway: true},
		&requiresTLSFact{Const: true},
		&tlsCredsFact{Name: "oauth.NewServiceAccountFromFile"},
		&fieldReadsFact{Read: []string{"Token", "creds"}, Plain: true, Unread: []string{"Addr"}},
		&interceptorFact{Kind: uint8(kTok), Returns: uint8(kPlain)},
		&connectTokenFact{UnaryToken: true, Passthrough: true},
	}
	a := New(DefaultConfig())
	if len(facts) != len(a.FactTypes) {
		t.Fatalf("%d facts tested, the analyzer has %d fact types", len(facts), len(a.FactTypes))
	}
	for i, f := range facts {
		if reflect.TypeOf(f) != reflect.TypeOf(a.FactTypes[i]) {
			t.Errorf("fact %d is a %T, the analyzer's is a %T", i, f, a.FactTypes[i])
		}
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(f); err != nil {
			t.Fatalf("%T: encode: %v", f, err)
		}
		got := reflect.New(reflect.TypeOf(f).Elem()).Interface().(analysis.Fact)
		if err := gob.NewDecoder(&buf).Decode(got); err != nil {
			t.Fatalf("%T: decode: %v", f, err)
		}
		if !reflect.DeepEqual(got, f) {
			t.Errorf("%T: round trip gives %v, want %v", f, got, f)
		}
	}
}
