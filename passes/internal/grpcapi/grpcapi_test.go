package grpcapi_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
)

// srcImporter type-checks the packages of srcs from source and the
// standard library from export data.
type srcImporter struct {
	fset *token.FileSet
	srcs map[string]string
	pkgs map[string]*types.Package
	std  types.Importer
}

func (im *srcImporter) Import(path string) (*types.Package, error) {
	if p := im.pkgs[path]; p != nil {
		return p, nil
	}
	src, ok := im.srcs[path]
	if !ok {
		return im.std.Import(path)
	}
	f, err := parser.ParseFile(im.fset, path+".go", src, 0)
	if err != nil {
		return nil, err
	}
	p, err := (&types.Config{Importer: im}).Check(path, im.fset, []*ast.File{f}, nil)
	if err != nil {
		return nil, err
	}
	im.pkgs[path] = p
	return p, nil
}

var stubs = map[string]string{
	"google.golang.org/grpc": `package grpc
import "context"
type CallOption interface{}
type ClientConn struct{}
type ClientStream interface{}
type StreamDesc struct{}
type UnaryInvoker func(ctx context.Context, method string, req, reply any, cc *ClientConn, opts ...CallOption) error
type Streamer func(ctx context.Context, desc *StreamDesc, cc *ClientConn, method string, opts ...CallOption) (ClientStream, error)
type UnaryServerInfo struct{ FullMethod string }
type UnaryHandler func(ctx context.Context, req any) (any, error)
type ServerStream interface{}
type StreamServerInfo struct{ FullMethod string }
type StreamHandler func(srv any, stream ServerStream) error
`,
	"golang.org/x/oauth2": `package oauth2
type Token struct{ AccessToken string }
type TokenSource interface{ Token() (*Token, error) }
`,
	"example.com/p": `package p
import (
	"context"
	"crypto/tls"
	"google.golang.org/grpc"
	"golang.org/x/oauth2"
)

// Creds implements PerRPCCredentials without importing credentials.
type Creds struct{}
func (*Creds) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) { return nil, nil }
func (*Creds) RequireTransportSecurity() bool { return true }

// Half has only one of the two methods.
type Half struct{}
func (Half) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) { return nil, nil }

type Src struct{}
func (Src) Token() (*oauth2.Token, error) { return nil, nil }

type NotSrc struct{}
func (NotSrc) Token() (string, error) { return "", nil }

func UnaryClient(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error { return nil }
func StreamClient(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string, streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) { return nil, nil }
func UnaryServer(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) { return nil, nil }
func StreamServer(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error { return nil }
func Plain(ctx context.Context) error { return nil }

var Conf *tls.Config
`,
}

func TestShapes(t *testing.T) {
	im := &srcImporter{fset: token.NewFileSet(), srcs: stubs, pkgs: map[string]*types.Package{}, std: importer.Default()}
	p, err := im.Import("example.com/p")
	if err != nil {
		t.Fatal(err)
	}
	typ := func(name string) types.Type { return p.Scope().Lookup(name).Type() }
	sig := func(name string) *types.Signature { return typ(name).(*types.Signature) }

	for name, want := range map[string]bool{"Creds": true, "Half": false, "Src": false} {
		if got := grpcapi.IsPerRPCCredentials(typ(name)); got != want {
			t.Errorf("IsPerRPCCredentials(%s) = %v, want %v", name, got, want)
		}
	}
	if !grpcapi.IsPerRPCCredentials(types.NewPointer(typ("Creds"))) {
		t.Error("IsPerRPCCredentials(*Creds) = false")
	}
	gm, _, _ := types.LookupFieldOrMethod(types.NewPointer(typ("Creds")), true, nil, "GetRequestMetadata")
	if !grpcapi.IsPerRPCCredentialsMethod(gm.(*types.Func)) {
		t.Error("IsPerRPCCredentialsMethod(Creds.GetRequestMetadata) = false")
	}
	hm, _, _ := types.LookupFieldOrMethod(typ("Half"), true, nil, "GetRequestMetadata")
	if grpcapi.IsPerRPCCredentialsMethod(hm.(*types.Func)) {
		t.Error("IsPerRPCCredentialsMethod(Half.GetRequestMetadata) = true")
	}
	ts, _ := im.Import("golang.org/x/oauth2")
	for name, want := range map[types.Type]bool{typ("Src"): true, typ("NotSrc"): false, ts.Scope().Lookup("TokenSource").Type(): true} {
		if got := grpcapi.IsTokenSource(name); got != want {
			t.Errorf("IsTokenSource(%s) = %v, want %v", name, got, want)
		}
	}
	for name, want := range map[string]grpcapi.Half{"UnaryClient": grpcapi.Unary, "StreamClient": grpcapi.Stream, "UnaryServer": 0, "Plain": 0} {
		if got := grpcapi.ClientInterceptor(sig(name)); got != want {
			t.Errorf("ClientInterceptor(%s) = %v, want %v", name, got, want)
		}
	}
	for name, want := range map[string]grpcapi.Half{"UnaryServer": grpcapi.Unary, "StreamServer": grpcapi.Stream, "UnaryClient": 0, "Plain": 0} {
		if got := grpcapi.ServerInterceptor(sig(name)); got != want {
			t.Errorf("ServerInterceptor(%s) = %v, want %v", name, got, want)
		}
	}
	if !grpcapi.IsTLSConfig(typ("Conf")) {
		t.Error("IsTLSConfig(*tls.Config) = false")
	}
}
