// Package connectfrozen keeps tokens in Connect client interceptors.
package connectfrozen

import (
	"context"

	"connectrpc.com/connect"
	"golang.org/x/oauth2"
)

// The token is fetched once and captured by the function the
// interceptor wraps every call with.
func frozenInterceptor(ts oauth2.TokenSource) connect.UnaryInterceptorFunc {
	tok, err := ts.Token() // want `access token frozen in a client interceptor closure capturing it`
	if err != nil {
		return nil
	}
	return func(next connect.UnaryFunc) connect.UnaryFunc {
		return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
			req.Header().Set("Authorization", "Bearer "+tok.AccessToken)
			return next(ctx, req)
		}
	}
}

// Fetched per call: right.
func refreshingInterceptor(ts oauth2.TokenSource) connect.UnaryInterceptorFunc {
	return func(next connect.UnaryFunc) connect.UnaryFunc {
		return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
			tok, err := ts.Token()
			if err != nil {
				return nil, connect.NewError(connect.CodeUnauthenticated, err)
			}
			req.Header().Set("Authorization", "Bearer "+tok.AccessToken)
			return next(ctx, req)
		}
	}
}

type bearer struct{ ts oauth2.TokenSource }

// Fetched per stream: right.
func (b bearer) WrapStreamingClient(next connect.StreamingClientFunc) connect.StreamingClientFunc {
	return func(ctx context.Context, spec connect.Spec) connect.StreamingClientConn {
		conn := next(ctx, spec)
		if tok, err := b.ts.Token(); err == nil {
			conn.RequestHeader().Set("Authorization", "Bearer "+tok.AccessToken)
		}
		return conn
	}
}
