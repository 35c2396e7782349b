package dialcreds_test

import (
	"fmt"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"

	"github.com/grpcauthlint/grpcauthlint/internal/e2etest"
	"github.com/grpcauthlint/grpcauthlint/passes/dialcreds"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintest"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// tested lists every package under testdata/src with the test that
// names it; TestEveryPackageTested keeps the two in step.
var tested = []string{
	"basic", "percall", "callopts", "tlscreds", "dialctx", "discard", "exempt",
	"testsflag", "allowtarget", "crosspkg/helpers", "crosspkg/user", "crosspkg/user2", "crosspkg/plaincreds",
	"crosspkg/credsonly",
	"typeparams", "ignore", "typeerrors", "nogrpc", "percallmd", "credsmap",
	"manybranches", "quietdefault", "quietdefault/percall",
	"percaller/proxy", "percaller/asuser", "percaller/fixed", "testauth", "testauthflag",
	"gateway", "gateway/gw", "unattached", "unattached/config", "unattached/plainconf", "unattached/client", "unattached/percall", "unattached/auth", "unattached/providers", "unattached/transport",
	"interceptors", "interceptors/lib", "interceptors/user", "interceptoronly", "streams", "replaced",
	"authkey", "connectclients", "connectclients/lib",
}

// TestDefaultConfig runs every default-configuration case in one load
// (each load type-checks the dependencies from source, for the facts):
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
	analysistest.Run(t, lintest.TestData(t), dialcreds.Analyzer, "connectclients", "connectclients/lib")
}

func TestDefaultConfig(t *testing.T) {
	t.Parallel()
	results := analysistest.Run(t, lintest.TestData(t), allConns(),
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
func checkRelated(t *testing.T, results []*analysistest.Result) {
	t.Helper()
	n := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			var want string
			switch {
			case strings.HasPrefix(d.Message, "an RPC that forgets the per-call credentials"):
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
	analysistest.Run(t, lintest.TestData(t), dialcreds.New(cfg), "testsflag", "testauthflag")

	// The same through the flag, which is a view onto the instance's Config.
	a := dialcreds.New(allConfig())
	if err := a.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, lintest.TestData(t), a, "testsflag")
}

func TestAllowTarget(t *testing.T) {
	t.Parallel()
	cfg := allConfig()
	cfg.AllowTarget = []string{`^localhost:\d+$`, `\.internal$`}
	analysistest.Run(t, lintest.TestData(t), dialcreds.New(cfg), "allowtarget")

	a := dialcreds.New(allConfig())
	if err := a.Flags.Set("allow-target", "(unclosed"); err == nil {
		t.Errorf("a malformed -allow-target is accepted")
	}
	for _, v := range []string{`^localhost:[0-9]{1,5}$`, `\.internal$`} {
		if err := a.Flags.Set("allow-target", v); err != nil {
			t.Fatal(err)
		}
	}
	analysistest.Run(t, lintest.TestData(t), a, "allowtarget")
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
	analysistest.Run(&rec, lintest.TestData(t), dialcreds.New(cfg), "allowtarget")
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

func TestEveryPackageTested(t *testing.T) {
	t.Parallel()
	var found []string
	root := filepath.Join("testdata", "src")
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		if !slices.Contains(found, filepath.ToSlash(rel)) {
			found = append(found, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("dialcreds_test.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range found {
		if !slices.Contains(tested, p) || strings.Count(string(src), `"`+p+`"`) < 2 {
			t.Errorf("testdata package %s is not run by a test", p)
		}
	}
}

func TestDoc(t *testing.T) {
	t.Parallel()
	a := allConns()
	if a.Name != "dialcreds" || a.URL == "" || !strings.HasPrefix(a.Doc, dialcreds.Doc.Title+"\n\n") {
		t.Errorf("analyzer metadata: name %q url %q doc %q", a.Name, a.URL, a.Doc)
	}
	if len(dialcreds.Doc.Title) >= 60 || strings.HasSuffix(dialcreds.Doc.Title, ".") {
		t.Errorf("title %q: want a lower-case phrase under 60 characters without a period", dialcreds.Doc.Title)
	}
	md := dialcreds.Doc.Markdown(3)
	for _, h := range []string{"### Bad", "### Good", "### Flags", "-dialcreds.tests", "-dialcreds.allow-target"} {
		if !strings.Contains(md, h) {
			t.Errorf("doc lacks %q", h)
		}
	}
	for _, f := range []string{"tests", "allow-target", "all-connections"} {
		if a.Flags.Lookup(f) == nil {
			t.Errorf("flag %s missing", f)
		}
	}
}

// TestAPIKeysResolve checks that every key names a function or method
// of the stubs, rendered exactly as lintutil.FuncKey renders it, and the
// same against the real grpc-go module of testdata/apis when it loads
// (the suite's TestAPITablesResolve checks it too).
func TestAPIKeysResolve(t *testing.T) {
	t.Parallel()
	keys := dialcreds.APIKeys()
	if !slices.IsSorted(keys) || len(keys) < 35 {
		t.Errorf("APIKeys: %d keys, sorted %v", len(keys), slices.IsSorted(keys))
	}
	dir := lintest.TestData(t)
	resolveKeys(t, keys, &packages.Config{
		Dir: dir,
		Env: append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOPROXY=off", "GOFLAGS="),
	}, true)
	e2etest.NeedsGo(t)
	real, err := filepath.Abs(filepath.Join("..", "..", "testdata", "apis"))
	if err != nil {
		t.Fatal(err)
	}
	resolveKeys(t, keys, &packages.Config{
		Dir: real,
		Env: append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod"),
	}, false)
}

func resolveKeys(t *testing.T, keys []string, cfg *packages.Config, must bool) {
	t.Helper()
	var paths []string
	for _, k := range keys {
		p := strings.TrimPrefix(k, "(")
		p = strings.TrimPrefix(p, "*")
		slash := strings.LastIndex(p, "/")
		dot := strings.Index(p[slash+1:], ".")
		p = p[:slash+1+dot]
		if !slices.Contains(paths, p) {
			paths = append(paths, p)
		}
	}
	cfg.Mode = packages.NeedName | packages.NeedTypes | packages.NeedImports | packages.NeedDeps
	pkgs, err := packages.Load(cfg, paths...)
	if err != nil {
		if must {
			t.Fatal(err)
		}
		t.Logf("real modules not loaded: %v", err)
		return
	}
	rendered := map[string]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if len(p.Errors) > 0 && !must {
			return
		}
		for _, e := range p.Errors {
			t.Errorf("%s: %v", p.PkgPath, e)
		}
		if p.Types == nil {
			return
		}
		scope := p.Types.Scope()
		for _, name := range scope.Names() {
			switch obj := scope.Lookup(name).(type) {
			case *types.Func:
				rendered[lintutil.FuncKey(obj)] = true
			case *types.TypeName:
				for _, recv := range []types.Type{obj.Type(), types.NewPointer(obj.Type())} {
					ms := types.NewMethodSet(recv)
					for i := 0; i < ms.Len(); i++ {
						if fn, ok := ms.At(i).Obj().(*types.Func); ok {
							rendered[lintutil.FuncKey(fn)] = true
						}
					}
				}
			}
		}
	})
	if len(rendered) == 0 && !must {
		t.Logf("real modules not loaded")
		return
	}
	for _, k := range keys {
		if !rendered[k] {
			t.Errorf("API key %q names no function or method (loaded from %s)", k, cfg.Dir)
		}
	}
}

// allConfig is the default configuration with all-connections on: most
// cases also exercise "no RPC on this connection carries credentials".
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
	analysistest.Run(t, lintest.TestData(t), dialcreds.Analyzer, "quietdefault", "quietdefault/percall",
		"percaller/proxy", "percaller/asuser", "percaller/fixed", "testauth",
		"unattached", "unattached/config", "unattached/plainconf", "unattached/client", "unattached/percall",
		"unattached/auth", "unattached/providers", "unattached/transport")
}

// TestInterceptors runs the client interceptor rules in the default
// configuration:
//
//   - interceptors: an interceptor counts as credentials only when it
//     may add them; one that only logs is none (rule 7); parameters,
//     function values and interceptors that touch the context count;
//     generic interceptors (typeparams);
//   - interceptors/lib and interceptors/user: the same across packages
//     through interceptorFact and optsFact;
//   - interceptoronly: a token added in an interceptor is no per-call
//     evidence;
//   - streams: a unary token interceptor on a connection used for
//     streaming calls, in the function or through helpers (rule 5);
//   - replaced: a token interceptor replaced by a later
//     WithUnaryInterceptor or WithStreamInterceptor (rule 6).
func TestInterceptors(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, lintest.TestData(t), dialcreds.New(dialcreds.DefaultConfig()),
		"interceptors", "interceptors/lib", "interceptors/user", "interceptoronly", "streams", "replaced")
}

// TestAuthKey: -auth-key names more outgoing keys that carry a token,
// for per-call auth (rule 1) and token interceptors (rule 5); the
// default list is "authorization" only, and the first use of the flag
// replaces it.
func TestAuthKey(t *testing.T) {
	t.Parallel()
	a := dialcreds.New(dialcreds.DefaultConfig())
	if err := a.Flags.Set("auth-key", "authorization, x-api-key"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, lintest.TestData(t), a, "authkey")
	cfg := dialcreds.DefaultConfig()
	cfg.AuthKey = []string{"x-api-key"}
	analysistest.Run(t, lintest.TestData(t), dialcreds.New(cfg), "authkey")

	// By default x-api-key carries no token: nothing is reported.
	var rec recorder
	for _, r := range analysistest.Run(&rec, lintest.TestData(t), dialcreds.Analyzer, "authkey") {
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
