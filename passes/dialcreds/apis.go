package dialcreds

import (
	"go/types"
	"sort"
	"strings"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// bufconnPath is grpc-go's in-memory listener for tests.
const bufconnPath = grpcapi.GRPC + "/test/bufconn"

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
	opCtxRoot                    // context.Background, context.TODO
)

type api struct {
	op op
	// name is how messages refer to the function ("grpc.NewClient").
	name string
	// ctx and target are the argument indexes of a dial entry point.
	ctx, target int
	// discardable: a credentials or interceptor DialOption, or the
	// credentials CallOption (discarded-option).
	discardable bool
}

var apis = map[string]api{
	grpcapi.GRPC + ".NewClient":   {op: opDial, name: "grpc.NewClient", ctx: -1, target: 0},
	grpcapi.GRPC + ".Dial":        {op: opDial, name: "grpc.Dial", ctx: -1, target: 0},
	grpcapi.GRPC + ".DialContext": {op: opDial, name: "grpc.DialContext", ctx: 0, target: 1},

	grpcapi.GRPC + ".WithPerRPCCredentials":      {op: opPerRPC, name: "grpc.WithPerRPCCredentials", discardable: true},
	grpcapi.GRPC + ".WithCredentialsBundle":      {op: opBundle, name: "grpc.WithCredentialsBundle", discardable: true},
	grpcapi.GRPC + ".WithDefaultCallOptions":     {op: opDefaultCall, name: "grpc.WithDefaultCallOptions", discardable: true},
	grpcapi.GRPC + ".PerRPCCredentials":          {op: opCallCreds, name: "grpc.PerRPCCredentials", discardable: true},
	grpcapi.GRPC + ".WithUnaryInterceptor":       {op: opInterceptor, name: "grpc.WithUnaryInterceptor", discardable: true},
	grpcapi.GRPC + ".WithChainUnaryInterceptor":  {op: opInterceptor, name: "grpc.WithChainUnaryInterceptor", discardable: true},
	grpcapi.GRPC + ".WithStreamInterceptor":      {op: opInterceptor, name: "grpc.WithStreamInterceptor", discardable: true},
	grpcapi.GRPC + ".WithChainStreamInterceptor": {op: opInterceptor, name: "grpc.WithChainStreamInterceptor", discardable: true},
	grpcapi.GRPC + ".WithTransportCredentials":   {op: opTransport, name: "grpc.WithTransportCredentials", discardable: true},
	grpcapi.GRPC + ".WithInsecure":               {op: opWithInsecure, name: "grpc.WithInsecure()"},
	grpcapi.GRPC + ".WithContextDialer":          {op: opDialer, name: "grpc.WithContextDialer"},
	grpcapi.GRPC + ".WithDialer":                 {op: opDialer, name: "grpc.WithDialer"},

	grpcapi.Credentials + "/insecure.NewCredentials":  {op: opInsecureTC, name: "insecure.NewCredentials()"},
	grpcapi.Credentials + "/insecure.NewBundle":       {op: opInsecureBnd, name: "insecure.NewBundle()"},
	grpcapi.Credentials + ".NewTLS":                   {op: opNewTLS, name: "credentials.NewTLS"},
	grpcapi.Credentials + ".NewClientTLSFromCert":     {op: opServerTLS, name: "credentials.NewClientTLSFromCert"},
	grpcapi.Credentials + ".NewClientTLSFromFile":     {op: opServerTLS, name: "credentials.NewClientTLSFromFile"},
	grpcapi.Credentials + "/alts.NewClientCreds":      {op: opClientAuthTC, name: "alts.NewClientCreds"},
	grpcapi.Credentials + "/xds.NewClientCredentials": {op: opClientAuthTC, name: "xds.NewClientCredentials"},
	grpcapi.Credentials + "/local.NewCredentials":     {op: opLocalTC, name: "local.NewCredentials"},

	grpcapi.Credentials + "/google.NewDefaultCredentials":            {op: opAuthBundle, name: "google.NewDefaultCredentials"},
	grpcapi.Credentials + "/google.NewDefaultCredentialsWithOptions": {op: opAuthBundle, name: "google.NewDefaultCredentialsWithOptions"},
	grpcapi.Credentials + "/google.NewComputeEngineCredentials":      {op: opAuthBundle, name: "google.NewComputeEngineCredentials"},

	"(" + grpcapi.Credentials + ".Bundle).PerRPCCredentials": {op: opBundleCreds},

	grpcapi.Credentials + "/oauth.NewOauthAccess":                        {op: opTLSCreds, name: "oauth.NewOauthAccess"},
	grpcapi.Credentials + "/oauth.NewJWTAccessFromFile":                  {op: opTLSCreds, name: "oauth.NewJWTAccessFromFile"},
	grpcapi.Credentials + "/oauth.NewJWTAccessFromKey":                   {op: opTLSCreds, name: "oauth.NewJWTAccessFromKey"},
	grpcapi.Credentials + "/oauth.NewComputeEngine":                      {op: opTLSCreds, name: "oauth.NewComputeEngine"},
	grpcapi.Credentials + "/oauth.NewServiceAccountFromKey":              {op: opTLSCreds, name: "oauth.NewServiceAccountFromKey"},
	grpcapi.Credentials + "/oauth.NewServiceAccountFromFile":             {op: opTLSCreds, name: "oauth.NewServiceAccountFromFile"},
	grpcapi.Credentials + "/oauth.NewApplicationDefault":                 {op: opTLSCreds, name: "oauth.NewApplicationDefault"},
	grpcapi.Credentials + "/jwt.NewTokenFileCallCredentials":             {op: opTLSCreds, name: "jwt.NewTokenFileCallCredentials"},
	grpcapi.Credentials + "/sts.NewCredentials":                          {op: opTLSCreds, name: "sts.NewCredentials"},
	grpcapi.Credentials + "/google.NewServiceAccountIdentityCredentials": {op: opTLSCreds, name: "google.NewServiceAccountIdentityCredentials"},
}

// The entries of grpcapi's tables: the functions that put metadata on
// an outgoing context, and the context roots and derivations.
func init() {
	for _, k := range grpcapi.MetadataKeys(func(f grpcapi.MetadataFunc) bool {
		return f.Side == grpcapi.MDOutgoing && (f.Op == grpcapi.MDAppend || f.Op == grpcapi.MDReplace)
	}) {
		apis[k] = api{op: opOutgoingMD}
	}
	for _, k := range grpcapi.ContextDeriveKeys() {
		apis[k] = api{op: opCtxDerive}
	}
	for _, k := range grpcapi.ContextRootKeys() {
		apis[k] = api{op: opCtxRoot}
	}
}

// tlsCredsPkgs hold per-RPC credentials that all require transport
// security: a RequireTransportSecurity method declared there returns true.
var tlsCredsPkgs = map[string]bool{
	grpcapi.Credentials + "/oauth":  true,
	grpcapi.Credentials + "/jwt":    true,
	grpcapi.Credentials + "/sts":    true,
	grpcapi.Credentials + "/google": true,
}

// keyTokenSource is the method that makes oauth.TokenSource values
// (and types embedding it) credentials that require TLS.
const keyTokenSource = "(" + grpcapi.Credentials + "/oauth.TokenSource).RequireTransportSecurity"

// APIKeys lists every function and method the pass matches, in
// lintutil.FuncKey notation.
func APIKeys() []string {
	keys := []string{keyTokenSource}
	keys = append(keys, connectAPIKeys()...)
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
	return lintutil.IsNamed(t, grpcapi.GRPC, "DialOption", false)
}

// isTracked: the types whose values the walk follows.
func isTracked(t types.Type) bool {
	if sl, ok := types.Unalias(t).(*types.Slice); ok {
		t = sl.Elem()
	}
	return lintutil.IsNamed(t, grpcapi.GRPC, "DialOption", false) ||
		lintutil.IsNamed(t, grpcapi.GRPC, "CallOption", false) ||
		lintutil.IsNamed(t, grpcapi.GRPC, "ClientConn", true) ||
		lintutil.IsNamed(t, grpcapi.Credentials, "PerRPCCredentials", false) ||
		lintutil.IsNamed(t, grpcapi.Credentials, "TransportCredentials", false) ||
		lintutil.IsNamed(t, grpcapi.Credentials, "Bundle", false) ||
		grpcapi.IsContext(t) ||
		grpcapi.IsTLSConfig(t)
}

func clientCertField(name string) bool {
	return name == "Certificates" || name == "GetClientCertificate"
}
