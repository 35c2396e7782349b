// Package client calls PingService through Connect v1.21.1 with a
// token interceptor that is a connect.UnaryInterceptorFunc.
package client

import (
	"context"
	"net/http"

	"connectrpc.com/connect"

	pingv1 "example.com/e2econnect121/gen/ping/v1"
	"example.com/e2econnect121/gen/ping/v1/pingv1connect"
)

// NewTokenInterceptor sets the token on unary calls only.
func NewTokenInterceptor(token string) connect.UnaryInterceptorFunc {
	return func(next connect.UnaryFunc) connect.UnaryFunc {
		return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
			req.Header().Set("Authorization", token)
			return next(ctx, req)
		}
	}
}

// PingAndCount calls Ping, then CountUp(n), at baseURL with the token;
// pinged reports whether Ping succeeded.
func PingAndCount(ctx context.Context, baseURL, token string, n int64) (pinged bool, got []int64, err error) {
	client := pingv1connect.NewPingServiceClient(http.DefaultClient, baseURL, connect.WithInterceptors(NewTokenInterceptor(token))) // want "dialcreds: CountUp goes out without the token: unary-only interceptor NewTokenInterceptor\\(token\\); set it in WrapStreamingClient too"
	if _, err := client.Ping(ctx, connect.NewRequest(&pingv1.PingRequest{Text: "hi"})); err != nil {
		return false, nil, err
	}
	stream, err := client.CountUp(ctx, connect.NewRequest(&pingv1.CountUpRequest{Number: n}))
	if err != nil {
		return true, nil, err
	}
	defer stream.Close()
	for stream.Receive() {
		got = append(got, stream.Msg().GetNumber())
	}
	return true, got, stream.Err()
}
