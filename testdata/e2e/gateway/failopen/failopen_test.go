package failopen

import (
	"testing"

	echov1 "example.com/e2egateway/gen/echo/v1"
	"example.com/e2egateway/internal/echo"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// fail-open: the method the table lists needs a token; Delete, which
// it does not, reaches the implementation without one.
func TestUnlistedMethodSkipsAuth(t *testing.T) {
	impl := echo.New()
	client := echo.Start(t, Server(impl))
	if _, err := client.Echo(echo.Ctx(t), &echov1.EchoRequest{Message: "hi"}); status.Code(err) != codes.Unauthenticated {
		t.Fatalf("listed Echo without a token: %v, want Unauthenticated", err)
	}
	if _, err := client.Delete(echo.Ctx(t), &echov1.DeleteRequest{Name: "all"}); err != nil {
		t.Fatalf("unlisted Delete without a token: %v, want it served", err)
	}
	if got := <-impl.Deleted; got != "all" {
		t.Fatalf("Delete reached the implementation with %q", got)
	}
}
