package dialcreds_test

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/grpcauthlint/grpcauthlint/internal/e2etest"
	"github.com/grpcauthlint/grpcauthlint/passes/dialcreds"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintest"
)

// TestDefaultConfig runs every default-configuration case in one Run:
//
//   - the rules and their messages: basic, percall, percallmd, credsmap,
//     callopts, tlscreds, dialctx, discard, manybranches;
//   - facts across packages: crosspkg/plaincreds (exported on the fast
//     path), crosspkg/credsonly (reaches only grpc's credentials),
//     crosspkg/helpers, crosspkg/user, crosspkg/user2;
//   - exemptions: exempt (with an exempt _test.go file), gateway and
//     gateway/gw (grpc-gateway's connections back to the own server);
//   - the fast path: nogrpc;
//   - generics: typeparams; the directive: ignore; broken code: typeerrors.
func TestConnectClients(t *testing.T) {
	t.Parallel()
	lintest.Run(t, dialcreds.Analyzer, "connectclients", "connectclients/lib")
}

func TestDefaultConfig(t *testing.T) {
	t.Parallel()
	results := lintest.Run(t, allConns(),
		"basic", "percall", "percallmd", "credsmap", "callopts", "tlscreds", "dialctx", "discard",
		"manybranches", "gateway/gw", "gateway",
		"crosspkg/plaincreds", "crosspkg/credsonly", "crosspkg/helpers", "crosspkg/user", "crosspkg/user2",
		"exempt", "nogrpc", "typeparams", "ignore", "typeerrors")
	checkRelated(t, results)
}

// checkRelated checks that findings with a second location in the
// package point at it with related information: where the package
// attaches credentials per call, where the metadata of a dial context
// is attached, where the insecure transport is selected.
func checkRelated(t *testing.T, results []*lintest.Result) {
	t.Helper()
	n := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			var want string
			switch {
			case strings.Contains(d.Message, "though this package attaches them per call"):
				want = "this package attaches credentials per call here"
			case strings.HasPrefix(d.Message, "metadata attached to the context"):
				want = "metadata attached here"
			case strings.Contains(d.Message, "credentials over insecure.NewCredentials()"),
				strings.Contains(d.Message, "credentials over grpc.WithInsecure()"):
				want = "selects the insecure transport here"
			default:
				continue
			}
			n++
			found := false
			for _, ri := range d.Related {
				found = found || ri.Pos.IsValid() && strings.Contains(ri.Message, want)
			}
			if !found {
				t.Errorf("%s: %q: no related information %q (%v)", r.Pass.Fset.Position(d.Pos), d.Message, want, d.Related)
			}
		}
	}
	if n < 15 {
		t.Errorf("%d findings with related information, want at least 15", n)
	}
}

func TestTestsFlag(t *testing.T) {
	t.Parallel()
	cfg := allConfig()
	cfg.Tests = true
	lintest.Run(t, dialcreds.New(cfg), "testsflag", "testauthflag")

	// The same through the flag, which is a view onto the instance's Config.
	a := dialcreds.New(allConfig())
	if err := a.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	lintest.Run(t, a, "testsflag")
}

func TestAllowTarget(t *testing.T) {
	t.Parallel()
	cfg := allConfig()
	cfg.AllowTarget = []string{`^localhost:\d+$`, `\.internal$`}
	lintest.Run(t, dialcreds.New(cfg), "allowtarget")

	a := dialcreds.New(allConfig())
	if err := a.Flags.Set("allow-target", "(unclosed"); err == nil {
		t.Errorf("a malformed -allow-target is accepted")
	}
	for _, v := range []string{`^localhost:[0-9]{1,5}$`, `\.internal$`} {
		if err := a.Flags.Set("allow-target", v); err != nil {
			t.Fatal(err)
		}
	}
	lintest.Run(t, a, "allowtarget")
	// Flags of one instance do not leak into another.
	if got := allConns().Flags.Lookup("allow-target").Value.String(); got != "" {
		t.Errorf("default analyzer's allow-target = %q, want empty", got)
	}
}

func TestBadAllowTarget(t *testing.T) {
	t.Parallel()
	cfg := allConfig()
	cfg.AllowTarget = []string{"("}
	var rec recorder
	lintest.Run(&rec, dialcreds.New(cfg), "allowtarget")
	// The first package analyzed fails (a dependency, here), and so every
	// package that needs its facts.
	if rec.msg == "" {
		t.Errorf("bad -allow-target regexp: no error")
	}
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), "allow-target") {
		t.Errorf("Validate() = %v, want an error naming allow-target", err)
	}
	if err := dialcreds.DefaultConfig().Validate(); err != nil {
		t.Errorf("default config: %v", err)
	}
}

type recorder struct{ msg string }

func (r *recorder) Errorf(format string, args ...any) { r.msg += fmt.Sprintf(format, args...) + "\n" }

// TestRealModule runs the pass on modules that require the real
// google.golang.org/grpc (v1.85.0, and v1.45.0 before NewClient), facts flowing from a helper package
// (analysistest's module mode runs with GOPROXY=off: the module must be
// in the module cache, as the end-to-end tests ensure).
func TestRealModule(t *testing.T) {
	e2etest.NeedsGo(t)
	t.Parallel()
	for _, mod := range []string{"realmod", "realmod145"} {
		t.Run(mod, func(t *testing.T) {
			t.Parallel()
			dir, err := filepath.Abs(filepath.Join("testdata", mod))
			if err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command("go", "mod", "download", "google.golang.org/grpc")
			cmd.Dir = dir
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Skipf("real grpc-go module unavailable: %v\n%s", err, out)
			}
			analysistest.Run(t, dir, allConns(), "./...")
		})
	}
}

// allConfig is the default configuration with all-connections on: most
// cases also exercise "grpc.NewClient gets no credentials".
func allConfig() dialcreds.Config {
	c := dialcreds.DefaultConfig()
	c.AllConnections = true
	return c
}

func allConns() *analysis.Analyzer { return dialcreds.New(allConfig()) }

// TestQuietByDefault: without all-connections, a connection without
// credentials is reported only where the package attaches auth per call
// (quietdefault/percall, percaller/fixed), not for per-caller
// credentials (percaller/proxy, percaller/asuser) or auth seen only in
// tests (testauth), and where it is built from a struct whose
// credentials field the package never reads (unattached, and across
// packages unattached/client with unattached/config and
// unattached/plainconf, and unattached/transport with
// unattached/providers and unattached/auth, which cannot see grpc).
func TestQuietByDefault(t *testing.T) {
	lintest.Run(t, dialcreds.Analyzer, "quietdefault", "quietdefault/percall",
		"percaller/proxy", "percaller/asuser", "percaller/fixed", "testauth",
		"unattached", "unattached/config", "unattached/plainconf", "unattached/client", "unattached/percall",
		"unattached/auth", "unattached/providers", "unattached/transport")
}

// TestInterceptors runs the client interceptor rules in the default
// configuration:
//
//   - interceptors: an interceptor counts as credentials only when it
//     may add them; one that only logs is none; parameters,
//     function values and interceptors that touch the context count;
//     generic interceptors (typeparams);
//   - interceptors/lib and interceptors/user: the same across packages
//     through interceptorFact and optsFact;
//   - interceptoronly: a token added in an interceptor is no per-call
//     evidence;
//   - streams: a unary token interceptor on a connection used for
//     streaming calls, in the function or through helpers
//     (streams-without-token);
//   - replaced: a token interceptor replaced by a later
//     WithUnaryInterceptor or WithStreamInterceptor
//     (replaced-interceptor).
func TestInterceptors(t *testing.T) {
	t.Parallel()
	lintest.Run(t, dialcreds.New(dialcreds.DefaultConfig()),
		"interceptors", "interceptors/lib", "interceptors/user", "interceptoronly", "streams", "replaced")
}

// TestAuthKey: -auth-key names more outgoing keys that carry a token,
// for per-call auth (no-credentials) and token interceptors
// (streams-without-token); the
// default list is "authorization" only, and the first use of the flag
// replaces it.
func TestAuthKey(t *testing.T) {
	t.Parallel()
	a := dialcreds.New(dialcreds.DefaultConfig())
	if err := a.Flags.Set("auth-key", "authorization, x-api-key"); err != nil {
		t.Fatal(err)
	}
	lintest.Run(t, a, "authkey")
	cfg := dialcreds.DefaultConfig()
	cfg.AuthKey = []string{"x-api-key"}
	lintest.Run(t, dialcreds.New(cfg), "authkey")

	// By default x-api-key carries no token: nothing is reported.
	var rec recorder
	for _, r := range lintest.Run(&rec, dialcreds.Analyzer, "authkey") {
		for _, d := range r.Diagnostics {
			t.Errorf("default config: unexpected diagnostic %s", d.Message)
		}
	}
	if got := a.Flags.Lookup("auth-key").Value.String(); got != "authorization,x-api-key" {
		t.Errorf("-auth-key after one use = %q, want the default replaced", got)
	}
	if got := dialcreds.Analyzer.Flags.Lookup("auth-key").Value.String(); got != "authorization" {
		t.Errorf("default analyzer's auth-key = %q, want authorization", got)
	}
	for _, bad := range []string{"X-Api-Key", "a key", ":authority"} {
		if err := dialcreds.New(dialcreds.DefaultConfig()).Flags.Set("auth-key", bad); err == nil || !strings.Contains(err.Error(), "invalid dialcreds auth-key") {
			t.Errorf("-auth-key=%q: err = %v, want an invalid auth-key error", bad, err)
		}
	}
	if err := (dialcreds.Config{AuthKey: []string{"Bad Key"}}).Validate(); err == nil || !strings.Contains(err.Error(), `invalid dialcreds auth-key "Bad Key"`) {
		t.Errorf("Validate() = %v, want an invalid auth-key error", err)
	}
}
