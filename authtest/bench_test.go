package authtest_test

import (
	"fmt"
	"testing"

	"github.com/grpcauthlint/grpcauthlint/authtest"
	testpb "google.golang.org/grpc/interop/grpc_testing"
)

// BenchmarkCheck sweeps a server of 48 methods (TestService's 8 under six
// service names, every kind of stream among them) plus health and
// reflection, exempt, behind auth interceptors.
func BenchmarkCheck(b *testing.B) {
	srv := newServer(b, fullAuth...)
	for i := range 5 {
		desc := testpb.TestService_ServiceDesc
		desc.ServiceName = fmt.Sprintf("bench.v%d.TestService", i)
		srv.RegisterService(&desc, testService{})
	}
	methods := 0
	for _, info := range srv.GetServiceInfo() {
		methods += len(info.Methods)
	}
	for b.Loop() {
		rep, err := authtest.Check(b.Context(), srv)
		if err != nil {
			b.Fatal(err)
		}
		if n := len(rep.Unprotected()); n != 0 {
			b.Fatalf("%d unprotected", n)
		}
	}
	b.ReportMetric(float64(methods), "methods")
}
