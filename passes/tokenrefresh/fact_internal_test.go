package tokenrefresh

import (
	"bytes"
	"encoding/gob"
	"testing"
)

// Facts cross packages gob-encoded under go vet -vettool.
func TestFactGob(t *testing.T) {
	in := &fetcherFact{Result: 1, Access: true}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(in); err != nil {
		t.Fatal(err)
	}
	out := new(fetcherFact)
	if err := gob.NewDecoder(&buf).Decode(out); err != nil {
		t.Fatal(err)
	}
	if *out != *in {
		t.Errorf("round trip: got %+v, want %+v", *out, *in)
	}
	if got, want := in.String(), "returns a fetched access token (result 1)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestTokenParamFactGob(t *testing.T) {
	in := &tokenParamFact{Params: []ParamSummary{
		{Index: 0, Kept: "oauth.NewOauthAccess", Static: true, Result: -1, HolderResult: -1, FrozenResult: -1},
		{Index: 2, Recv: true, Result: 0, ResultAccess: true, HolderResult: -1, FrozenResult: 1, FrozenBy: "oauth2.StaticTokenSource"},
	}}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(in); err != nil {
		t.Fatal(err)
	}
	out := new(tokenParamFact)
	if err := gob.NewDecoder(&buf).Decode(out); err != nil {
		t.Fatal(err)
	}
	if out.String() != in.String() || len(out.Params) != 2 || out.Params[1] != in.Params[1] {
		t.Errorf("round trip: got %+v, want %+v", out, in)
	}
}
