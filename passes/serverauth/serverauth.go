package serverauth

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

//go:embed doc.go
var doc string

// Doc is the pass's documentation, rendered in help and README.
var Doc = lintutil.MustExtractDoc(doc, "serverauth")

// Config configures the pass.
type Config struct {
	// Tests also reports findings in _test.go files. Off by default:
	// test servers run without auth on purpose.
	Tests bool `json:"tests"`
	// Interceptor lists more server interceptors that authenticate, in
	// types.Func.FullName notation: functions or methods that are
	// interceptors, or that return one ("example.com/auth.Unary",
	// "(*example.com/auth.Verifier).UnaryInterceptor").
	Interceptor []string `json:"interceptor"`
	// AuthKey lists the incoming metadata keys whose reading makes an
	// interceptor an auth interceptor. Setting it replaces the default
	// ["authorization"].
	AuthKey []string `json:"auth-key"`
}

// DefaultConfig returns the default configuration.
func DefaultConfig() Config { return Config{AuthKey: []string{"authorization"}} }

// New returns a serverauth analyzer with configuration cfg.
func New(cfg Config) *analysis.Analyzer {
	c := cfg // the flags below are a view onto this instance's copy
	c.Interceptor = append([]string(nil), cfg.Interceptor...)
	c.AuthKey = append([]string(nil), cfg.AuthKey...)
	a := &analysis.Analyzer{
		Name:      "serverauth",
		Doc:       Doc.Analyzer,
		URL:       lintutil.URL("serverauth"),
		Requires:  []*analysis.Analyzer{lintutil.Shared},
		FactTypes: []analysis.Fact{new(authFact), new(optionsFact), new(registersFact), new(serverFact), new(failOpenFact), new(connectFact)},
		// Broken packages are analyzed too; unknown types keep the pass
		// silent.
		RunDespiteErrors: true,
	}
	a.Flags.BoolVar(&c.Tests, "tests", c.Tests, "also report findings in _test.go files")
	a.Flags.Var(lintutil.StringList{P: &c.Interceptor, Check: checkInterceptor}, "interceptor",
		`server interceptor (or function returning one) that authenticates, in FullName notation: "example.com/auth.Unary", "(*example.com/auth.Verifier).Interceptor" (repeatable)`)
	a.Flags.Var(&lintutil.DefaultList{P: &c.AuthKey, Check: checkAuthKey}, "auth-key",
		`incoming metadata key an auth interceptor reads; the first use replaces the default "authorization" (repeatable)`)
	// The flags are parsed before the first run; the options are
	// checked and compiled once for this instance.
	compiled := sync.OnceValues(func() (*options, error) { return compile(&c) })
	a.Run = func(pass *analysis.Pass) (any, error) {
		opts, err := compiled()
		if err != nil {
			return nil, err
		}
		return run(pass, opts)
	}
	return a
}

// Analyzer is the serverauth analyzer with the default configuration.
var Analyzer = New(DefaultConfig())

// Validate checks the options the flags check as they are set, for
// configurations that come from golangci-lint settings instead.
func (c Config) Validate() error {
	_, err := compile(&c)
	return err
}

const (
	metadataPath = grpcapi.Metadata
	peerPath     = "google.golang.org/grpc/peer"
	altsPath     = "google.golang.org/grpc/credentials/alts"
	// The auth interceptors of go-grpc-middleware, v1 and v2.
	mwAuthV1 = "github.com/grpc-ecosystem/go-grpc-middleware/auth"
	mwAuthV2 = "github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/auth"
)

// Server options (grpc.ServerOption constructors) that install
// interceptors; every other function of package grpc returning a
// ServerOption installs none.
var interceptorOptions = map[string]optKind{
	grpcapi.GRPC + ".UnaryInterceptor":       optUnary,
	grpcapi.GRPC + ".ChainUnaryInterceptor":  optChainUnary,
	grpcapi.GRPC + ".StreamInterceptor":      optStream,
	grpcapi.GRPC + ".ChainStreamInterceptor": optChainStream,
}

const newServer = grpcapi.GRPC + ".NewServer"

// libraryAuth are the known auth interceptor constructors; their
// argument is the AuthFunc whose error the client receives as is.
var libraryAuth = []string{
	mwAuthV1 + ".UnaryServerInterceptor",
	mwAuthV1 + ".StreamServerInterceptor",
	mwAuthV2 + ".UnaryServerInterceptor",
	mwAuthV2 + ".StreamServerInterceptor",
}

// authReaders read the authorization header: calling one authenticates.
var authReaders = []string{
	mwAuthV1 + ".AuthFromMD",
	mwAuthV2 + ".AuthFromMD",
	altsPath + ".AuthInfoFromContext",
	altsPath + ".AuthInfoFromPeer",
	kratosErrors + ".Unauthorized", // kratos maps it to codes.Unauthenticated
	kratosErrors + ".Forbidden",
}

// metadataReaders take an incoming metadata key (the argument index):
// grpcapi's readers of one key of the incoming metadata
// (ValueFromIncomingContext, MD.Get), and the readers of other
// frameworks listed here.
var metadataReaders = withMetadataReaders(map[string]int{
	"(net/http.Header).Get":    0, // Connect: req.Header().Get("Authorization")
	"(net/http.Header).Values": 0,
	kratosHeaderGet:            0, // kratos: tr.RequestHeader().Get(...)
})

func withMetadataReaders(m map[string]int) map[string]int {
	for _, k := range grpcapi.MetadataKeys(func(f grpcapi.MetadataFunc) bool {
		return f.Op == grpcapi.MDRead && f.Keys == grpcapi.MDKey && (f.Side == grpcapi.MDIncoming || f.Side == grpcapi.MDPlain)
	}) {
		f, _ := grpcapi.MetadataAPI(k)
		m[k] = f.KeyArg
	}
	return m
}

// methodSources return the full method name of the current RPC.
var methodSources = []string{grpcapi.GRPC + ".Method", grpcapi.GRPC + ".MethodFromServerStream"}

// Struct fields, "pkgpath.Type.Field".
var (
	fullMethodFields = []string{grpcapi.GRPC + ".UnaryServerInfo.FullMethod", grpcapi.GRPC + ".StreamServerInfo.FullMethod", grpcapi.Connect + ".Spec.Procedure"}
	peerAuthInfo     = peerPath + ".Peer.AuthInfo"
)

// APIKeys lists every API table key the pass matches (lintutil.FuncKey
// notation, or "pkgpath.Type.Field" for struct fields).
func APIKeys() []string {
	keys := []string{newServer, peerAuthInfo, "(*" + grpcapi.GRPC + ".Server).RegisterService",
		"errors.New", "fmt.Errorf", "slices.Contains", "slices.Index"}
	for k := range interceptorOptions {
		keys = append(keys, k)
	}
	for k := range metadataReaders {
		keys = append(keys, k)
	}
	keys = append(keys, libraryAuth...)
	keys = append(keys, authReaders...)
	keys = append(keys, methodSources...)
	keys = append(keys, validators...)
	keys = append(keys, mwChainUnary, mwWithUnaryChain, authzNewStatic,
		gwNewServeMux, gwWithMiddlewares, httpListenAndServe, httpListenTLS, httpHandle, httpMuxHandle, httpServerHandler)
	keys = append(keys, fullMethodFields...)
	keys = append(keys, connectAPIKeys()...)
	sort.Strings(keys)
	return slices.Compact(keys)
}

// checker holds one run's state.
type checker struct {
	pass  *analysis.Pass
	info  *types.Info
	r     *lintutil.Reporter
	opts  *options
	insp  *inspector.Inspector
	decls map[*types.Func]*ast.FuncDecl // functions declared in this package
	order []*types.Func                 // the same, in source order

	auth      map[*types.Func]*authFact // memo: what a function of this package does (nil while in progress)
	optMemo   map[types.Object]*optionsFact
	regMemo   map[*types.Func]*registersFact
	srvMemo   map[*types.Func]*serverFact
	reported  map[finding]bool    // findings reported, across servers sharing a helper
	services  map[string]*service // unknown-method, built on first use
	failMemo  map[*types.Func]*failOpenFact
	connect   *connectState   // Connect summaries, built on first use (connect.go)
	authImpls []authImpl      // gateway-bypass: implementations on auth servers
	gwCalls   []*ast.CallExpr // gateway-bypass: Register<X>HandlerServer calls
}

func run(pass *analysis.Pass, opts *options) (any, error) {
	// Fast path: servers, interceptors and generated services all need
	// package grpc's types, or Connect's; kratos middleware need neither.
	if !lintutil.Reaches(pass, grpcapi.GRPC, grpcapi.Connect, kratosMiddleware) {
		return nil, nil
	}
	c := &checker{
		pass:     pass,
		info:     pass.TypesInfo,
		r:        lintutil.NewReporter(pass, lintutil.Policy{Tests: opts.tests}),
		opts:     opts,
		insp:     lintutil.Inspector(pass),
		decls:    make(map[*types.Func]*ast.FuncDecl),
		auth:     make(map[*types.Func]*authFact),
		optMemo:  make(map[types.Object]*optionsFact),
		regMemo:  make(map[*types.Func]*registersFact),
		srvMemo:  make(map[*types.Func]*serverFact),
		reported: make(map[finding]bool),
	}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := c.info.Defs[fd.Name].(*types.Func); ok {
					c.decls[fn] = fd
					c.order = append(c.order, fn)
				}
			}
		}
	}
	c.exportFacts()
	if lintutil.FactsOnly(pass) {
		c.connectFacts()
		return nil, nil
	}
	c.checkServers()       // stream-unauthenticated, second-interceptor
	c.checkGateway()       // gateway-bypass
	c.checkOptionHelpers() // second-interceptor
	c.checkAuthCodes()     // plain-auth-error
	c.checkMethods()       // unknown-method
	c.checkConnect()       // connect-stream-unauthenticated
	c.checkKratos()        // kratos-stream-unauthenticated
	c.r.Finish()
	return nil, nil
}

// finding is the dedupe key of a finding: its rule and position.
type finding struct {
	rule string
	pos  token.Pos
}

// once reports whether the finding of rule at pos was not reported yet
// (a helper shared by two servers is reported once).
func (c *checker) once(rule string, pos token.Pos) bool {
	k := finding{rule, pos}
	if c.reported[k] {
		return false
	}
	c.reported[k] = true
	return true
}
