package serverauth_test

import (
	"fmt"
	"testing"

	"github.com/grpcauthlint/grpcauthlint/internal/e2etest"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintest"
	"github.com/grpcauthlint/grpcauthlint/passes/serverauth"
)

func TestAuthzPolicy(t *testing.T) {
	t.Parallel()
	lintest.Run(t, serverauth.Analyzer, "authzpolicy")
}

// A finding inside a policy over several lines is on its path's line.
func TestAuthzPolicyLines(t *testing.T) {
	t.Parallel()
	rec := &recorder{}
	results := lintest.Run(rec, serverauth.Analyzer, "authzpolicy/multiline")
	var got []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			p := r.Pass.Fset.Position(d.Pos)
			got = append(got, fmt.Sprintf("%d:%d %s", p.Line, p.Column, d.Message))
		}
	}
	want := `20:4 path "chat.v1.Chat/Talk" of deny rule "no-upload" never matches: method names start with "/"; use "/chat.v1.Chat/Talk"`
	if len(got) != 1 || got[0] != want {
		t.Errorf("diagnostics = %q, want [%q]", got, want)
	}
}

// TestAuthzPolicyRuntime runs testdata/e2e/gateway/authzpolicy's proofs
// on the real grpc-go: a deny rule whose path lacks the "/" lets the
// call through, an allow rule's denies it, and NewStatic rejects the
// malformed policies with the errors the analyzer quotes.
func TestAuthzPolicyRuntime(t *testing.T) {
	e2etest.RunProof(t, "gateway", "./authzpolicy/", "",
		"TestDenyPathWithoutSlashLetsCallThrough", "TestAllowPathWithoutSlashDenies", "TestMalformedPolicyIsRejected")
}
