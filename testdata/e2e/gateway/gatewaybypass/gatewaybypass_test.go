package gatewaybypass

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	echov1 "example.com/e2egateway/gen/echo/v1"
	"example.com/e2egateway/internal/echo"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

func post(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Post(url+"/v1/echo", "application/json", strings.NewReader(`{"message": "hi"}`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct{ Message, Authorization string }
	json.NewDecoder(resp.Body).Decode(&body)
	return resp.StatusCode, body.Message
}

// gateway-bypass: over gRPC the call without a token is rejected; the
// HTTP route RegisterEchoServiceHandlerServer serves reaches the
// implementation without one. Through RegisterEchoServiceHandlerFromEndpoint
// the same request gets 401 from the gRPC server's interceptor.
func TestHandlerServerSkipsInterceptors(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	s, hs, err := Servers(ctx, echo.New())
	if err != nil {
		t.Fatal(err)
	}
	client := echo.Start(t, s)
	if _, err := client.Echo(echo.Ctx(t), &echov1.EchoRequest{Message: "hi"}); status.Code(err) != codes.Unauthenticated {
		t.Fatalf("gRPC Echo without a token: %v, want Unauthenticated", err)
	}
	web := httptest.NewServer(hs.Handler)
	t.Cleanup(web.Close)
	if code, msg := post(t, web.URL); code != http.StatusOK || msg != "hi" {
		t.Fatalf("HTTP POST /v1/echo without a token through HandlerServer: %d %q, want 200 from the implementation", code, msg)
	}

	// The same request through the gRPC server.
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go s.Serve(lis)
	fromEndpoint, err := ThroughGRPC(ctx, lis.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	web2 := httptest.NewServer(fromEndpoint.Handler)
	t.Cleanup(web2.Close)
	if code, _ := post(t, web2.URL); code != http.StatusUnauthorized {
		t.Fatalf("HTTP POST /v1/echo without a token through FromEndpoint: %d, want 401", code)
	}
}
