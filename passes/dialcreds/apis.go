package dialcreds

import (
	"go/types"
	"sort"
	"strings"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

const (
	grpcPath     = "google.golang.org/grpc"
	credsPath    = grpcPath + "/credentials"
	metadataPath = grpcPath + "/metadata"
	bufconnPath  = grpcPath + "/test/bufconn"
)

// op is what a table function does to the options flowing through it.
type op int

const (
	opDial         op = iota + 1 // NewClient, Dial, DialContext
	opPerRPC                     // WithPerRPCCredentials(creds)
	opBundle                     // WithCredentialsBundle(bundle)
	opDefaultCall                // WithDefaultCallOptions(callopts...)
	opCallCreds                  // grpc.PerRPCCredentials(creds): a CallOption
	opInterceptor                // client interceptors
	opTransport                  // WithTransportCredentials(tc)
	opWithInsecure               // grpc.WithInsecure()
	opDialer                     // WithContextDialer, WithDialer
	opInsecureTC                 // insecure.NewCredentials()
	opInsecureBnd                // insecure.NewBundle()
	opServerTLS                  // TLS that authenticates the server only
	opNewTLS                     // credentials.NewTLS(cfg)
	opClientAuthTC               // ALTS, xDS: transport that authenticates the client
	opLocalTC                    // local.NewCredentials(): local connections only
	opAuthBundle                 // google bundles
	opTLSCreds                   // per-RPC credentials that require TLS
	opBundleCreds                // Bundle.PerRPCCredentials()
	opOutgoingMD                 // metadata on an outgoing context
	opCtxDerive                  // context.With*: the first argument's value flows on
)

type api struct {
	op op
	// name is how messages refer to the function ("grpc.NewClient").
	name string
	// ctx and target are the argument indexes of a dial entry point.
	ctx, target int
	// discardable: a credentials or interceptor DialOption, or the
	// credentials CallOption (rule 4).
	discardable bool
}

var apis = map[string]api{
	grpcPath + ".NewClient":   {op: opDial, name: "grpc.NewClient", ctx: -1, target: 0},
	grpcPath + ".Dial":        {op: opDial, name: "grpc.Dial", ctx: -1, target: 0},
	grpcPath + ".DialContext": {op: opDial, name: "grpc.DialContext", ctx: 0, target: 1},

	grpcPath + ".WithPerRPCCredentials":      {op: opPerRPC, name: "grpc.WithPerRPCCredentials", discardable: true},
	grpcPath + ".WithCredentialsBundle":      {op: opBundle, name: "grpc.WithCredentialsBundle", discardable: true},
	grpcPath + ".WithDefaultCallOptions":     {op: opDefaultCall, name: "grpc.WithDefaultCallOptions", discardable: true},
	grpcPath + ".PerRPCCredentials":          {op: opCallCreds, name: "grpc.PerRPCCredentials", discardable: true},
	grpcPath + ".WithUnaryInterceptor":       {op: opInterceptor, name: "grpc.WithUnaryInterceptor", discardable: true},
	grpcPath + ".WithChainUnaryInterceptor":  {op: opInterceptor, name: "grpc.WithChainUnaryInterceptor", discardable: true},
	grpcPath + ".WithStreamInterceptor":      {op: opInterceptor, name: "grpc.WithStreamInterceptor", discardable: true},
	grpcPath + ".WithChainStreamInterceptor": {op: opInterceptor, name: "grpc.WithChainStreamInterceptor", discardable: true},
	grpcPath + ".WithTransportCredentials":   {op: opTransport, name: "grpc.WithTransportCredentials", discardable: true},
	grpcPath + ".WithInsecure":               {op: opWithInsecure, name: "grpc.WithInsecure()"},
	grpcPath + ".WithContextDialer":          {op: opDialer, name: "grpc.WithContextDialer"},
	grpcPath + ".WithDialer":                 {op: opDialer, name: "grpc.WithDialer"},

	credsPath + "/insecure.NewCredentials":  {op: opInsecureTC, name: "insecure.NewCredentials()"},
	credsPath + "/insecure.NewBundle":       {op: opInsecureBnd, name: "insecure.NewBundle()"},
	credsPath + ".NewTLS":                   {op: opNewTLS, name: "credentials.NewTLS"},
	credsPath + ".NewClientTLSFromCert":     {op: opServerTLS, name: "credentials.NewClientTLSFromCert"},
	credsPath + ".NewClientTLSFromFile":     {op: opServerTLS, name: "credentials.NewClientTLSFromFile"},
	credsPath + "/alts.NewClientCreds":      {op: opClientAuthTC, name: "alts.NewClientCreds"},
	credsPath + "/xds.NewClientCredentials": {op: opClientAuthTC, name: "xds.NewClientCredentials"},
	credsPath + "/local.NewCredentials":     {op: opLocalTC, name: "local.NewCredentials"},

	credsPath + "/google.NewDefaultCredentials":            {op: opAuthBundle, name: "google.NewDefaultCredentials"},
	credsPath + "/google.NewDefaultCredentialsWithOptions": {op: opAuthBundle, name: "google.NewDefaultCredentialsWithOptions"},
	credsPath + "/google.NewComputeEngineCredentials":      {op: opAuthBundle, name: "google.NewComputeEngineCredentials"},

	"(" + credsPath + ".Bundle).PerRPCCredentials": {op: opBundleCreds},

	credsPath + "/oauth.NewOauthAccess":                        {op: opTLSCreds, name: "oauth.NewOauthAccess"},
	credsPath + "/oauth.NewJWTAccessFromFile":                  {op: opTLSCreds, name: "oauth.NewJWTAccessFromFile"},
	credsPath + "/oauth.NewJWTAccessFromKey":                   {op: opTLSCreds, name: "oauth.NewJWTAccessFromKey"},
	credsPath + "/oauth.NewComputeEngine":                      {op: opTLSCreds, name: "oauth.NewComputeEngine"},
	credsPath + "/oauth.NewServiceAccountFromKey":              {op: opTLSCreds, name: "oauth.NewServiceAccountFromKey"},
	credsPath + "/oauth.NewServiceAccountFromFile":             {op: opTLSCreds, name: "oauth.NewServiceAccountFromFile"},
	credsPath + "/oauth.NewApplicationDefault":                 {op: opTLSCreds, name: "oauth.NewApplicationDefault"},
	credsPath + "/jwt.NewTokenFileCallCredentials":             {op: opTLSCreds, name: "jwt.NewTokenFileCallCredentials"},
	credsPath + "/sts.NewCredentials":                          {op: opTLSCreds, name: "sts.NewCredentials"},
	credsPath + "/google.NewServiceAccountIdentityCredentials": {op: opTLSCreds, name: "google.NewServiceAccountIdentityCredentials"},

	metadataPath + ".NewOutgoingContext":      {op: opOutgoingMD},
	metadataPath + ".AppendToOutgoingContext": {op: opOutgoingMD},

	"context.WithCancel":        {op: opCtxDerive},
	"context.WithCancelCause":   {op: opCtxDerive},
	"context.WithTimeout":       {op: opCtxDerive},
	"context.WithTimeoutCause":  {op: opCtxDerive},
	"context.WithDeadline":      {op: opCtxDerive},
	"context.WithDeadlineCause": {op: opCtxDerive},
	"context.WithValue":         {op: opCtxDerive},
	"context.WithoutCancel":     {op: opCtxDerive},
}

// tlsCredsPkgs hold per-RPC credentials that all require transport
// security: a RequireTransportSecurity method declared there returns true.
var tlsCredsPkgs = map[string]bool{
	credsPath + "/oauth":  true,
	credsPath + "/jwt":    true,
	credsPath + "/sts":    true,
	credsPath + "/google": true,
}

// keyTokenSource is the method that makes oauth.TokenSource values
// (and types embedding it) credentials that require TLS.
const keyTokenSource = "(" + credsPath + "/oauth.TokenSource).RequireTransportSecurity"

// APIKeys lists every function and method the pass matches, in
// lintutil.FuncKey notation.
func APIKeys() []string {
	keys := []string{keyTokenSource}
	for k := range apis {
		if !strings.HasPrefix(k, "context.") {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

// isOptionType: grpc.DialOption or []grpc.DialOption.
func isOptionType(t types.Type) bool {
	if sl, ok := types.Unalias(t).(*types.Slice); ok {
		t = sl.Elem()
	}
	return lintutil.IsNamed(t, grpcPath, "DialOption", false)
}

// isTracked: the types whose values the walk follows.
func isTracked(t types.Type) bool {
	if sl, ok := types.Unalias(t).(*types.Slice); ok {
		t = sl.Elem()
	}
	return lintutil.IsNamed(t, grpcPath, "DialOption", false) ||
		lintutil.IsNamed(t, grpcPath, "CallOption", false) ||
		lintutil.IsNamed(t, grpcPath, "ClientConn", true) ||
		lintutil.IsNamed(t, credsPath, "PerRPCCredentials", false) ||
		lintutil.IsNamed(t, credsPath, "TransportCredentials", false) ||
		lintutil.IsNamed(t, credsPath, "Bundle", false) ||
		lintutil.IsNamed(t, "context", "Context", false) ||
		isTLSConfig(t)
}

// noReturn reports whether a call of fn never returns: os.Exit,
// runtime.Goexit, the Fatal and Panic functions and methods of loggers
// (log, testing, grpclog and their look-alikes), and testing's FailNow
// and Skip. A branch that ends in one does not reach the code after it.
func noReturn(fn *types.Func) bool {
	name := fn.Name()
	switch lintutil.PkgPath(fn.Pkg()) {
	case "os", "syscall":
		return name == "Exit"
	case "runtime":
		return name == "Goexit"
	case "testing":
		switch name {
		case "FailNow", "SkipNow", "Skip", "Skipf":
			return true
		}
	}
	return strings.HasPrefix(name, "Fatal") || strings.HasPrefix(name, "Panic") && name != "PanicOnError"
}

func clientCertField(name string) bool {
	return name == "Certificates" || name == "GetClientCertificate"
}

func isTLSConfig(t types.Type) bool { return lintutil.IsNamed(t, "crypto/tls", "Config", true) }
