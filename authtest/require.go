package authtest

import (
	"fmt"
	"strings"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
)

// Require runs Check and fails t, with a readable table, unless every
// method that is not exempt answered codes.Unauthenticated. Methods that
// answered codes.Unimplemented are logged, and fail t only with
// FailUnimplemented. An error from Check fails t too. Require stops the
// test (t.Fatalf) when it fails it.
func Require(t testing.TB, srv *grpc.Server, opts ...Option) {
	t.Helper()
	rep, err := Check(t.Context(), srv, opts...)
	if err != nil {
		t.Fatalf("%v", err)
		return
	}
	cfg := newConfig(opts)
	var bad, unimpl []Result
	called := 0
	for _, r := range rep.Results {
		if !r.Exempt {
			called++
		}
		switch {
		case r.Exempt || r.Code == codes.Unauthenticated:
		case r.Code == codes.Unimplemented && !cfg.failUnimplemented:
			unimpl = append(unimpl, r)
		default:
			bad = append(bad, r)
		}
	}
	var note strings.Builder
	if len(unimpl) > 0 {
		fmt.Fprintf(&note, "\nnot failed, Unimplemented to every caller (FailUnimplemented fails them):\n")
		for _, r := range unimpl {
			fmt.Fprintf(&note, "  %s\n", r.Method)
		}
	}
	if len(bad) == 0 {
		if note.Len() > 0 {
			t.Logf("authtest: every method called answered codes.Unauthenticated or codes.Unimplemented%s", note.String())
		}
		return
	}
	t.Fatalf("authtest: %d of %d methods called without a token did not answer codes.Unauthenticated:\n\n%s%s",
		len(bad), called, table(bad), note.String())
}
