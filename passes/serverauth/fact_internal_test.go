package serverauth

import (
	"bytes"
	"encoding/gob"
	"reflect"
	"testing"
)

// Facts cross packages gob-encoded under go vet -vettool.
func TestFactGob(t *testing.T) {
	for _, in := range []any{
		&authFact{Checks: true, Returns: true},
		&optionsFact{Opts: []Opt{{Kind: optOther}, {Kind: optUnary, Auth: "auth.Unary(...)", Maybe: true}, {Kind: optUnknown}}},
		&registersFact{Regs: []Registration{{Param: 1, Service: "Chat", Streams: []string{"Subscribe", "Talk"}}}},
		&serverFact{Servers: [][]Opt{{{Kind: optUnary, Auth: "authUnary"}}, nil}},
		&connectFact{Kind: icptUnary, Auth: true, Passthrough: true},
	} {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(in); err != nil {
			t.Fatal(err)
		}
		out := reflect.New(reflect.TypeOf(in).Elem()).Interface()
		if err := gob.NewDecoder(&buf).Decode(out); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(in, out) {
			t.Errorf("round trip: got %+v, want %+v", out, in)
		}
	}
	if got, want := (&serverFact{Servers: [][]Opt{{{Kind: optUnary, Auth: "a"}, {Kind: optOther}}, nil}}).String(), "returns servers [UnaryInterceptor(auth a), other] or []"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got, want := (&optionsFact{Opts: []Opt{{Kind: optChainUnary, Auth: "a", Maybe: true}, {Kind: optStream}}}).String(), "options ChainUnaryInterceptor(auth a)?, StreamInterceptor"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
