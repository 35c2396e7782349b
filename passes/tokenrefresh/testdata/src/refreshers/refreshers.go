// Package refreshers fetches where fetching is right: no findings.
package refreshers

import (
	"context"
	"net/http"

	"cloud.google.com/go/auth"
	"golang.org/x/oauth2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

var last string

// perRPC implements credentials.PerRPCCredentials.
type perRPC struct {
	ts  oauth2.TokenSource
	md  map[string]string
	tok string
}

func (p *perRPC) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	tok, err := p.ts.Token()
	if err != nil {
		return nil, err
	}
	p.tok = tok.AccessToken // kept in the refresher itself, refetched on every call
	return map[string]string{"authorization": "Bearer " + tok.AccessToken}, nil
}

func (p *perRPC) RequireTransportSecurity() bool { return true }

// source implements oauth2.TokenSource over an exchange.
type source struct {
	cfg  *oauth2.Config
	code string
	last *oauth2.Token
}

func (s *source) Token() (*oauth2.Token, error) {
	tok, err := s.cfg.Exchange(context.Background(), s.code)
	if err != nil {
		return nil, err
	}
	last = tok.AccessToken
	return oauth2.StaticTokenSource(tok).Token()
}

// provider implements auth.TokenProvider.
type provider struct{ tp auth.TokenProvider }

func (p provider) Token(ctx context.Context) (*auth.Token, error) {
	tok, err := p.tp.Token(ctx)
	last = tok.Value
	return tok, err
}

// transport is an http.RoundTripper.
type transport struct {
	ts   oauth2.TokenSource
	base http.RoundTripper
	hdr  string
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	tok, err := t.ts.Token()
	if err != nil {
		return nil, err
	}
	t.hdr = "Bearer " + tok.AccessToken
	req.Header.Set("Authorization", t.hdr)
	return t.base.RoundTrip(req)
}

type interceptors struct {
	ts   oauth2.TokenSource
	last string
}

func (i *interceptors) Unary(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	tok, err := i.ts.Token()
	if err != nil {
		return err
	}
	i.last = tok.AccessToken
	ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+tok.AccessToken)
	return invoker(ctx, method, req, reply, cc, opts...)
}

// Closures of the interceptor types fetch per RPC.
func newInterceptors(ts oauth2.TokenSource) (grpc.UnaryClientInterceptor, grpc.StreamClientInterceptor) {
	unary := func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		tok, err := ts.Token()
		if err != nil {
			return err
		}
		last = tok.AccessToken
		ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+tok.AccessToken)
		return invoker(ctx, method, req, reply, cc, opts...)
	}
	stream := func(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string, streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) {
		tok, err := ts.Token()
		if err != nil {
			return nil, err
		}
		ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+tok.AccessToken)
		return streamer(ctx, desc, cc, method, opts...)
	}
	return unary, stream
}

// The interceptor fetches in its own body and refetches: the captured
// token source is not a token.
func dial(ts oauth2.TokenSource) (*grpc.ClientConn, error) {
	return grpc.NewClient("example.com:443", grpc.WithUnaryInterceptor(
		func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
			tok, err := ts.Token()
			if err != nil {
				return err
			}
			ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+tok.AccessToken)
			return invoker(ctx, method, req, reply, cc, opts...)
		}))
}
