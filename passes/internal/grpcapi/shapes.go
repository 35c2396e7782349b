package grpcapi

import (
	"go/types"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// IsString reports whether t's underlying type is a string type.
func IsString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// IsError reports whether t is the predeclared error type.
func IsError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// IsContext reports whether t is context.Context.
func IsContext(t types.Type) bool { return lintutil.IsNamed(t, "context", "Context", false) }

// IsTLSConfig reports whether t is tls.Config or *tls.Config.
func IsTLSConfig(t types.Type) bool { return lintutil.IsNamed(t, TLS, "Config", true) }

// IsGetRequestMetadata reports whether sig has the shape of
// credentials.PerRPCCredentials' GetRequestMetadata:
// (context.Context, ...string) (map[string]string, error). Receiver and
// parameter names do not matter; the context is matched by arity, as a
// package implementing the interface structurally may spell it so.
func IsGetRequestMetadata(sig *types.Signature) bool {
	if sig.Params().Len() != 2 || !sig.Variadic() || sig.Results().Len() != 2 {
		return false
	}
	m, ok := sig.Results().At(0).Type().Underlying().(*types.Map)
	return ok && IsString(m.Key()) && IsString(m.Elem()) && IsError(sig.Results().At(1).Type())
}

// IsRequireTransportSecurity reports whether sig is () bool.
func IsRequireTransportSecurity(sig *types.Signature) bool {
	if sig.Params().Len() != 0 || sig.Results().Len() != 1 {
		return false
	}
	b, ok := sig.Results().At(0).Type().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// IsPerRPCCredentials reports whether t (or *t) implements
// credentials.PerRPCCredentials by its method set, whether or not its
// package imports grpc. Interfaces count when they have the methods.
func IsPerRPCCredentials(t types.Type) bool {
	return hasMethod(t, "GetRequestMetadata", IsGetRequestMetadata) &&
		hasMethod(t, "RequireTransportSecurity", IsRequireTransportSecurity)
}

// IsPerRPCCredentialsMethod reports whether fn is the GetRequestMetadata
// method of a type that implements PerRPCCredentials.
func IsPerRPCCredentialsMethod(fn *types.Func) bool {
	sig, _ := fn.Type().(*types.Signature)
	return sig != nil && sig.Recv() != nil && fn.Name() == "GetRequestMetadata" &&
		IsGetRequestMetadata(sig) && IsPerRPCCredentials(sig.Recv().Type())
}

// IsTokenSourceMethod reports whether sig is oauth2.TokenSource's
// Token() (*oauth2.Token, error).
func IsTokenSourceMethod(sig *types.Signature) bool {
	return sig.Params().Len() == 0 && sig.Results().Len() == 2 &&
		lintutil.IsNamed(sig.Results().At(0).Type(), OAuth2, "Token", true) &&
		IsError(sig.Results().At(1).Type())
}

// IsTokenProviderMethod reports whether sig is cloud.google.com/go/auth
// TokenProvider's Token(context.Context) (*auth.Token, error).
func IsTokenProviderMethod(sig *types.Signature) bool {
	return sig.Params().Len() == 1 && IsContext(sig.Params().At(0).Type()) &&
		sig.Results().Len() == 2 &&
		lintutil.IsNamed(sig.Results().At(0).Type(), GoogleAuth, "Token", true) &&
		IsError(sig.Results().At(1).Type())
}

// IsTokenSource reports whether t (or *t) has a Token method of either
// refreshing shape: an oauth2.TokenSource or an auth.TokenProvider.
func IsTokenSource(t types.Type) bool {
	return hasMethod(t, "Token", func(sig *types.Signature) bool {
		return IsTokenSourceMethod(sig) || IsTokenProviderMethod(sig)
	})
}

// IsRoundTripMethod reports whether sig is http.RoundTripper's
// RoundTrip(*http.Request) (*http.Response, error).
func IsRoundTripMethod(sig *types.Signature) bool {
	return sig.Params().Len() == 1 && sig.Results().Len() == 2 &&
		lintutil.IsNamed(sig.Params().At(0).Type(), "net/http", "Request", true) &&
		lintutil.IsNamed(sig.Results().At(0).Type(), "net/http", "Response", true)
}

// hasMethod reports whether the method set of *t (or of t, for an
// interface or a pointer) has a method name whose signature satisfies ok.
func hasMethod(t types.Type, name string, ok func(*types.Signature) bool) bool {
	if t == nil {
		return false
	}
	t = types.Unalias(t)
	if _, isPtr := t.(*types.Pointer); !isPtr && !types.IsInterface(t) {
		t = types.NewPointer(t)
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	fn, isFunc := obj.(*types.Func)
	if !isFunc {
		return false
	}
	sig, _ := fn.Type().(*types.Signature)
	return sig != nil && ok(sig)
}
