package authzpolicy

import (
	"testing"

	echov1 "example.com/e2egateway/gen/echo/v1"
	"example.com/e2egateway/internal/echo"
	"google.golang.org/grpc"
	"google.golang.org/grpc/authz"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// authz-policy: a deny rule whose path lacks the leading "/" never
// matches, so the call it was meant to stop is let through; with the
// "/" it is denied.
func TestDenyPathWithoutSlashLetsCallThrough(t *testing.T) {
	s, err := MissingSlash()
	if err != nil {
		t.Fatal(err)
	}
	impl := echo.New()
	client := echo.ServeTCP(t, s, impl)
	if _, err := client.Delete(echo.Ctx(t), &echov1.DeleteRequest{Name: "a"}); err != nil {
		t.Fatalf("Delete under the deny rule without '/': %v, want it let through", err)
	}
	if got := <-impl.Deleted; got != "a" {
		t.Fatalf("Delete reached the implementation with %q", got)
	}
	s, err = WithSlash()
	if err != nil {
		t.Fatal(err)
	}
	client = echo.ServeTCP(t, s, echo.New())
	if _, err := client.Delete(echo.Ctx(t), &echov1.DeleteRequest{Name: "a"}); status.Code(err) != codes.PermissionDenied {
		t.Fatalf("Delete under the deny rule with '/': %v, want PermissionDenied", err)
	}
}

// An allow rule whose path lacks the "/" never matches: the method is
// denied.
func TestAllowPathWithoutSlashDenies(t *testing.T) {
	i, err := authz.NewStatic(`{"name": "echo", "allow_rules": [{"name": "echo", "request": {"paths": ["echo.v1.EchoService/Echo"]}}]}`)
	if err != nil {
		t.Fatal(err)
	}
	client := echo.ServeTCP(t, grpcServer(i), echo.New())
	if _, err := client.Echo(echo.Ctx(t), &echov1.EchoRequest{Message: "hi"}); status.Code(err) != codes.PermissionDenied {
		t.Fatalf("Echo allowed by a path without '/': %v, want PermissionDenied", err)
	}
}

// A malformed policy is rejected by NewStatic, with the error the
// analyzer quotes.
func TestMalformedPolicyIsRejected(t *testing.T) {
	for policy, want := range map[string]string{
		`{"name": "x", "denyRules": [], "allow_rules": [{"name": "a"}]}`: `failed to unmarshal policy: json: unknown field "denyRules"`,
		`{"name": "x"}`: `"allow_rules" is not present`,
		`{"name": "x", "allow_rules": [{"name": "a", "request": {"headers": [{"key": ":path", "values": ["x"]}]}}]}`: `"allow_rules" 0: "headers" 0: unsupported "key" :path`,
	} {
		if _, err := authz.NewStatic(policy); err == nil || err.Error() != want {
			t.Errorf("NewStatic(%s) = %v, want %q", policy, err, want)
		}
	}
}

func grpcServer(i *authz.StaticInterceptor) *grpc.Server {
	return grpc.NewServer(grpc.ChainUnaryInterceptor(i.UnaryInterceptor))
}
