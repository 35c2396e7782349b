package grpcapi_test

import (
	"go/importer"
	"go/token"
	"go/types"
	"testing"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
)

var serviceStubs = map[string]string{
	"google.golang.org/grpc": `package grpc
type ServerStream interface{ Context() any }
type ServerStreamingServer[Res any] interface { Send(*Res) error; ServerStream }
type BidiStreamingServer[Req, Res any] interface { Recv() (*Req, error); Send(*Res) error; ServerStream }
type ServiceDesc struct{}
type ServiceRegistrar interface{ RegisterService(desc *ServiceDesc, impl any) }
type Server struct{}
`,
	"example.com/pb": `package pb
import (
	"context"
	"google.golang.org/grpc"
)
type Msg struct{}
const (
	Svc_Get_FullMethodName  = "/pkg.v1.Svc/Get"
	Svc_Tail_FullMethodName = "/pkg.v1.Svc/Tail"
	Bad_FullMethodName      = "pkg.v1.Svc/Get"
	Other                   = "/pkg.v1.Svc/Other"
)
type SvcServer interface {
	Get(context.Context, *Msg) (*Msg, error)
	Tail(*Msg, grpc.ServerStreamingServer[Msg]) error
	Chat(grpc.BidiStreamingServer[Msg, Msg]) error
	Old(*Msg, Svc_OldServer) error
	mustEmbedUnimplementedSvcServer()
}
type Svc_OldServer interface { Send(*Msg) error; grpc.ServerStream }
type Alias = grpc.ServerStreamingServer[Msg]
type NotStream interface{ Send(*Msg) error }
func RegisterSvcServer(s grpc.ServiceRegistrar, srv SvcServer) {}
func RegisterOldServer(s *grpc.Server, srv SvcServer)          {}
func RegisterBadServer(s any, srv SvcServer)                   {}
func RegisterServer(s grpc.ServiceRegistrar, srv SvcServer)    {}
var Svc_ServiceDesc grpc.ServiceDesc
`,
}

func TestService(t *testing.T) {
	im := &srcImporter{fset: token.NewFileSet(), srcs: serviceStubs, pkgs: map[string]*types.Package{}, std: importer.Default()}
	p, err := im.Import("example.com/pb")
	if err != nil {
		t.Fatal(err)
	}
	lookup := func(name string) types.Object { return p.Scope().Lookup(name) }
	for name, want := range map[string]bool{"Svc_OldServer": true, "Alias": true, "NotStream": false, "Msg": false} {
		if got := grpcapi.IsServerStream(lookup(name).Type()); got != want {
			t.Errorf("IsServerStream(%s) = %v, want %v", name, got, want)
		}
	}
	srv, name, ok := grpcapi.RegisterServer(lookup("RegisterSvcServer").(*types.Func))
	if !ok || name != "Svc" {
		t.Fatalf("RegisterServer(RegisterSvcServer) = %v, %q, %v", srv, name, ok)
	}
	got := map[string]bool{}
	for _, m := range grpcapi.ServerInterfaceMethods(srv) {
		got[m.Name] = m.Stream
	}
	want := map[string]bool{"Get": false, "Tail": true, "Chat": true, "Old": true}
	if len(got) != len(want) {
		t.Errorf("ServerInterfaceMethods = %v, want %v", got, want)
	}
	for k, v := range want {
		if s, ok := got[k]; !ok || s != v {
			t.Errorf("method %s: stream %v (present %v), want %v", k, s, ok, v)
		}
	}
	if _, name, ok := grpcapi.RegisterServer(lookup("RegisterOldServer").(*types.Func)); !ok || name != "Old" {
		t.Errorf("RegisterServer(RegisterOldServer) = %q, %v; want the *grpc.Server form accepted", name, ok)
	}
	for _, bad := range []string{"RegisterBadServer", "RegisterServer"} {
		if _, _, ok := grpcapi.RegisterServer(lookup(bad).(*types.Func)); ok {
			t.Errorf("RegisterServer(%s) accepted", bad)
		}
	}
	if !grpcapi.IsServiceDesc(lookup("Svc_ServiceDesc").Type()) {
		t.Error("IsServiceDesc(Svc_ServiceDesc) = false")
	}
	consts := grpcapi.FullMethodConsts(p)
	if len(consts) != 2 {
		t.Fatalf("FullMethodConsts = %v, want the two well-formed _FullMethodName constants", consts)
	}
	for _, c := range consts {
		if c.Service != "pkg.v1.Svc" || (c.Method != "Get" && c.Method != "Tail") {
			t.Errorf("FullMethodConst %s = %q %q", c.Const.Name(), c.Service, c.Method)
		}
	}
	if svc, m, ok := grpcapi.SplitFullMethod("/a.B/C"); !ok || svc != "a.B" || m != "C" {
		t.Errorf("SplitFullMethod(/a.B/C) = %q, %q, %v", svc, m, ok)
	}
	for s, want := range map[string]bool{"/a.B/C": true, "a.B/C": false, "/a.B/": false, "/a.B/C/D": false, "/a.B": false, "//C": false, "": false} {
		if _, _, ok := grpcapi.SplitFullMethod(s); ok != want {
			t.Errorf("SplitFullMethod(%q) ok = %v, want %v", s, ok, want)
		}
	}
}
