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
