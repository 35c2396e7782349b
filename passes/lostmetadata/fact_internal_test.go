package lostmetadata

import (
	"bytes"
	"encoding/gob"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// Facts cross packages gob-encoded (as interface values) under go vet
// -vettool.
func TestFactGob(t *testing.T) {
	type envelope struct{ F analysis.Fact }
	gob.Register(new(addsFact))
	in := envelope{&addsFact{Result: 1}}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(in); err != nil {
		t.Fatal(err)
	}
	var out envelope
	if err := gob.NewDecoder(&buf).Decode(&out); err != nil {
		t.Fatal(err)
	}
	got, ok := out.F.(*addsFact)
	if !ok || *got != *in.F.(*addsFact) {
		t.Errorf("round trip: got %#v, want %#v", out.F, in.F)
	}
	if got, want := in.F.(*addsFact).String(), "adds outgoing metadata (result 1)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
