package serverauth_test

import (
	"strings"
	"testing"

	"github.com/grpcauthlint/grpcauthlint/internal/e2etest"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintest"
	"github.com/grpcauthlint/grpcauthlint/passes/serverauth"
)

func TestFailOpen(t *testing.T) {
	t.Parallel()
	results := lintest.Run(t, serverauth.Analyzer, "failopen", "failopen/lib", "itemspb")
	// The related information names the table's dead entries, and only
	// where there are some.
	const dead = `method table: "/items.Items/Delete" and "/items.Items/Get" name no method served here`
	found := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			for _, rel := range d.Related {
				switch {
				case rel.Message == dead && strings.Contains(d.Message, "of wrongPrefix"):
					found++
				case strings.HasPrefix(rel.Message, "method table") && rel.Message != "method table":
					t.Errorf("%s: related %q", d.Message, rel.Message)
				}
			}
		}
	}
	if found != 1 {
		t.Errorf("the wrongPrefix finding's related information should say %q (found %d)", dead, found)
	}
}

// TestFailOpenRuntime runs testdata/e2e/gateway/failopen's proof on the
// real grpc-go: a method missing from the interceptor's table reaches
// the implementation without a token.
func TestFailOpenRuntime(t *testing.T) {
	e2etest.RunProof(t, "gateway", "./failopen/", "", "TestUnlistedMethodSkipsAuth")
}
