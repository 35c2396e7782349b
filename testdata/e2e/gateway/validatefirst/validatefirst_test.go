package validatefirst

import (
	"testing"

	echov1 "example.com/e2egateway/gen/echo/v1"
	"example.com/e2egateway/internal/echo"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// validate-first: with the validator first, a caller without a token
// who sends a malformed request gets InvalidArgument and the
// validation message; with auth first, Unauthenticated.
func TestValidationAnswersBeforeAuth(t *testing.T) {
	bad := &echov1.EchoRequest{} // message is required
	client := echo.Serve(t, ValidateFirst(), echo.New())
	_, err := client.Echo(echo.Ctx(t), bad)
	if status.Code(err) != codes.InvalidArgument {
		t.Fatalf("malformed request without a token, validator first: %v, want InvalidArgument", err)
	}
	t.Logf("validator first, no token: %v", err)
	if _, err := client.Echo(echo.Ctx(t), &echov1.EchoRequest{Message: "hi"}); status.Code(err) != codes.Unauthenticated {
		t.Fatalf("valid request without a token: %v, want Unauthenticated", err)
	}
	client = echo.Serve(t, AuthFirst(), echo.New())
	if _, err := client.Echo(echo.Ctx(t), bad); status.Code(err) != codes.Unauthenticated {
		t.Fatalf("malformed request without a token, auth first: %v, want Unauthenticated", err)
	}
}
