// Package connectclients calls streaming procedures through Connect
// clients whose token interceptor covers unary calls only, and through
// clients where that is harmless.
package connectclients

import (
	"context"
	"net/http"

	"connectrpc.com/connect"

	pingv1 "example.com/gen/ping/v1"
	"example.com/gen/ping/v1/pingv1connect"

	"connectclients/lib"
)

func newTokenInterceptor(token string) connect.UnaryInterceptorFunc { // want newTokenInterceptor:"connect unary token"
	interceptor := func(next connect.UnaryFunc) connect.UnaryFunc {
		return connect.UnaryFunc(func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
			if req.Spec().IsClient {
				req.Header().Set("Authorization", "Bearer "+token)
			}
			return next(ctx, req)
		})
	}
	return connect.UnaryInterceptorFunc(interceptor)
}

func Direct(ctx context.Context) error {
	client := pingv1connect.NewPingServiceClient(http.DefaultClient, "https://api.example.com",
		connect.WithInterceptors(newTokenInterceptor("secret"))) // want `CountUp goes out without the token: unary-only interceptor newTokenInterceptor\("secret"\); set it in WrapStreamingClient too`
	if _, err := client.Ping(ctx, connect.NewRequest(&pingv1.PingRequest{})); err != nil {
		return err
	}
	stream, err := client.CountUp(ctx, connect.NewRequest(&pingv1.CountUpRequest{Number: 3}))
	if err != nil {
		return err
	}
	for stream.Receive() {
	}
	return stream.Err()
}

func CrossPackage(ctx context.Context, token string) error {
	opts := connect.WithInterceptors(lib.TokenInterceptor(token)) // want `CountUp goes out without the token: unary-only interceptor lib.TokenInterceptor\(token\)`
	client := pingv1connect.NewPingServiceClient(&http.Client{}, "https://api.example.com", opts)
	return count(ctx, client)
}

// count calls the streaming procedure on the client it is given.
func count(ctx context.Context, c pingv1connect.PingServiceClient) error {
	_, err := c.CountUp(ctx, connect.NewRequest(&pingv1.CountUpRequest{}))
	return err
}

func Struct(ctx context.Context) error {
	httpClient := &http.Client{Transport: http.DefaultTransport}
	client := pingv1connect.NewPingServiceClient(httpClient, "https://api.example.com",
		connect.WithClientOptions(connect.WithGRPC(), connect.WithInterceptors(&lib.UnaryBearer{Token: "t"}))) // want `CountUp goes out without the token: unary-only interceptor &lib.UnaryBearer{…}`
	_, err := client.CountUp(ctx, connect.NewRequest(&pingv1.CountUpRequest{}))
	return err
}

// Negative cases.

// Both halves get the token.
func BothHalves(ctx context.Context) error {
	client := pingv1connect.NewPingServiceClient(http.DefaultClient, "https://api.example.com",
		connect.WithInterceptors(lib.Bearer{Token: "t"}))
	_, err := client.CountUp(ctx, connect.NewRequest(&pingv1.CountUpRequest{}))
	return err
}

// The http.Client may add credentials.
func Transport(ctx context.Context, hc *http.Client) error {
	client := pingv1connect.NewPingServiceClient(hc, "https://api.example.com",
		connect.WithInterceptors(newTokenInterceptor("secret")))
	_, err := client.CountUp(ctx, connect.NewRequest(&pingv1.CountUpRequest{}))
	return err
}

// The token is set per call.
func PerCall(ctx context.Context) error {
	client := pingv1connect.NewPingServiceClient(http.DefaultClient, "https://api.example.com",
		connect.WithInterceptors(newTokenInterceptor("secret")))
	req := connect.NewRequest(&pingv1.CountUpRequest{})
	req.Header().Set("Authorization", "Bearer secret")
	_, err := client.CountUp(ctx, req)
	return err
}

// Only unary calls.
func UnaryOnly(ctx context.Context) error {
	client := pingv1connect.NewPingServiceClient(http.DefaultClient, "https://api.example.com",
		connect.WithInterceptors(newTokenInterceptor("secret")))
	_, err := client.Ping(ctx, connect.NewRequest(&pingv1.PingRequest{}))
	return err
}

// Options the analyzer cannot see.
func Unknown(ctx context.Context, opts ...connect.ClientOption) error {
	client := pingv1connect.NewPingServiceClient(http.DefaultClient, "https://api.example.com",
		append(opts, connect.WithInterceptors(newTokenInterceptor("secret")))...)
	_, err := client.CountUp(ctx, connect.NewRequest(&pingv1.CountUpRequest{}))
	return err
}

// An interceptor that adds no token.
func NoToken(ctx context.Context) error {
	logging := connect.UnaryInterceptorFunc(func(next connect.UnaryFunc) connect.UnaryFunc { return next })
	client := pingv1connect.NewPingServiceClient(http.DefaultClient, "https://api.example.com", connect.WithInterceptors(logging))
	_, err := client.CountUp(ctx, connect.NewRequest(&pingv1.CountUpRequest{}))
	return err
}
