package serverauth_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintest"
	"github.com/grpcauthlint/grpcauthlint/passes/serverauth"
)

// TestServerAuth runs the cases of every rule in one load:
// stream-unauthenticated (streams, streamsok, crosspkg, ctors),
// plain-auth-error (codes, middleware), second-interceptor (panics,
// condpanics); unknown-method has TestUnknownMethodFix.
func TestServerAuth(t *testing.T) {
	t.Parallel()
	lintest.Run(t, serverauth.Analyzer,
		"streams", "streamsok", "codes", "panics", "condpanics", "crosspkg", "crosspkg/lib", "ctors", "ctors/lib",
		"typeparams", "typeerrors", "ignore", "testfiles", "nongrpc", "middleware",
		"connectstreams", "connectstreams/lib",
		"chatpb", "logpb", "legacypb", "unarypb")
}

func TestUnknownMethodFix(t *testing.T) {
	t.Parallel()
	lintest.RunWithSuggestedFixes(t, serverauth.Analyzer, "methods", "connectmethods")
}

func TestTests(t *testing.T) {
	t.Parallel()
	cfg := serverauth.DefaultConfig()
	cfg.Tests = true
	lintest.Run(t, serverauth.New(cfg), "testfileson")
}

// The flag sets the same option as the setting.
func TestTestsFlag(t *testing.T) {
	t.Parallel()
	a := serverauth.New(serverauth.DefaultConfig())
	if err := a.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	lintest.Run(t, a, "testfileson")
}

func TestUserInterceptor(t *testing.T) {
	t.Parallel()
	cfg := serverauth.DefaultConfig()
	cfg.Interceptor = []string{"(*userinterceptor/auth.Verifier).Interceptor"}
	lintest.Run(t, serverauth.New(cfg), "userinterceptor", "userinterceptor/auth")
}

func TestUserInterceptorFlag(t *testing.T) {
	t.Parallel()
	a := serverauth.New(serverauth.DefaultConfig())
	if err := a.Flags.Set("interceptor", "userinterceptor/auth.Unary, (*userinterceptor/auth.Verifier).Interceptor"); err != nil {
		t.Fatal(err)
	}
	lintest.Run(t, a, "userinterceptor")
	if got := serverauth.Analyzer.Flags.Lookup("interceptor").Value.String(); got != "" {
		t.Errorf("default analyzer's interceptor flag = %q, want empty", got)
	}
}

func TestAuthKeyFlag(t *testing.T) {
	t.Parallel()
	a := serverauth.New(serverauth.DefaultConfig())
	if err := a.Flags.Set("auth-key", "x-api-key"); err != nil {
		t.Fatal(err)
	}
	if got := a.Flags.Lookup("auth-key").Value.String(); got != "x-api-key" {
		t.Errorf("-auth-key = %q after one use, want the default replaced: x-api-key", got)
	}
	lintest.Run(t, a, "authkey")
	if got := serverauth.Analyzer.Flags.Lookup("auth-key").Value.String(); got != "authorization" {
		t.Errorf("default analyzer's auth-key flag = %q, want authorization", got)
	}
}

// Without the key, the interceptor is not known to authenticate.
func TestAuthKeyDefault(t *testing.T) {
	t.Parallel()
	rec := &recorder{}
	lintest.Run(rec, serverauth.Analyzer, "authkey")
	if !strings.Contains(rec.String(), "no diagnostic was reported") {
		t.Errorf("with the default auth keys the x-api-key interceptor was judged an auth interceptor:\n%s", rec)
	}
}

func TestBadFlags(t *testing.T) {
	t.Parallel()
	for _, bad := range []string{"Unary", "(example.com/auth.V.I", "example.com/auth.", "/x.F", "example.com/auth.F()"} {
		a := serverauth.New(serverauth.DefaultConfig())
		if err := a.Flags.Set("interceptor", bad); err == nil || !strings.Contains(err.Error(), "FullName notation") {
			t.Errorf("-interceptor=%q: err = %v, want a FullName notation error", bad, err)
		}
	}
	for _, bad := range []string{"X-Api-Key", "a key", ":authority"} {
		a := serverauth.New(serverauth.DefaultConfig())
		if err := a.Flags.Set("auth-key", bad); err == nil || !strings.Contains(err.Error(), "invalid serverauth auth-key") {
			t.Errorf("-auth-key=%q: err = %v, want an invalid auth-key error", bad, err)
		}
	}
	if err := (serverauth.Config{Interceptor: []string{"nope"}}).Validate(); err == nil {
		t.Error("Validate accepted a malformed interceptor")
	}
	// From settings, the entry reaches run: a clear error, no panic.
	rec := &recorder{}
	lintest.Run(rec, serverauth.New(serverauth.Config{AuthKey: []string{"Bad Key"}}), "badflag")
	if !strings.Contains(rec.String(), `invalid serverauth auth-key "Bad Key"`) {
		t.Errorf("want an invalid auth-key error, got:\n%s", rec)
	}
}

type recorder struct{ strings.Builder }

func (r *recorder) Errorf(format string, args ...any) { fmt.Fprintf(&r.Builder, format+"\n", args...) }

func TestAPIKeys(t *testing.T) {
	t.Parallel()
	keys := serverauth.APIKeys()
	for _, want := range []string{
		"google.golang.org/grpc.NewServer",
		"google.golang.org/grpc.UnaryInterceptor",
		"google.golang.org/grpc.UnaryServerInfo.FullMethod",
		"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/auth.UnaryServerInterceptor",
	} {
		found := false
		for _, k := range keys {
			found = found || k == want
		}
		if !found {
			t.Errorf("APIKeys lacks %q", want)
		}
	}
}
