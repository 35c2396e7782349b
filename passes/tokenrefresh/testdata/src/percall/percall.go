// Package percall uses tokens for the current call, or hands them to
// something that refreshes them: no findings.
package percall

import (
	"context"
	"net/http"

	"golang.org/x/oauth2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/oauth"
	"google.golang.org/grpc/metadata"
)

type Client struct {
	tok     *oauth2.Token
	ts      oauth2.TokenSource
	http    *http.Client
	session *Session
}

type Session struct {
	Token *oauth2.Token
	User  string
}

type Request struct{ Auth string }

var saved *oauth2.Token

// Storing the *oauth2.Token keeps its refresh token.
func (c *Client) login(ctx context.Context, cfg *oauth2.Config, code string) error {
	tok, err := cfg.Exchange(ctx, code)
	if err != nil {
		return err
	}
	c.tok = tok
	saved = tok
	c.session = &Session{Token: tok}
	return nil
}

// Returning a struct holding the token is wrapping, not keeping.
func newSession(ctx context.Context, cfg *oauth2.Config, code string) (*Session, error) {
	tok, err := cfg.Exchange(ctx, code)
	if err != nil {
		return nil, err
	}
	return &Session{Token: tok, User: "u"}, nil
}

// Refresh-capable uses.
func (c *Client) refreshing(ctx context.Context, cfg *oauth2.Config, ts oauth2.TokenSource, code string) {
	tok, _ := cfg.Exchange(ctx, code)
	c.ts = cfg.TokenSource(ctx, tok)
	c.http = cfg.Client(ctx, tok)

	tok2, _ := ts.Token()
	c.ts = oauth2.ReuseTokenSource(tok2, ts)

	tok3, _ := ts.Token()
	c.ts = oauth2.ReuseTokenSourceWithExpiry(tok3, ts, 0)
}

// Outgoing metadata and headers of the current call.
func (c *Client) call(ctx context.Context, req *http.Request) (*http.Response, error) {
	tok, err := c.ts.Token()
	if err != nil {
		return nil, err
	}
	ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+tok.AccessToken)
	md := metadata.Pairs("authorization", "Bearer "+tok.AccessToken)
	ctx = metadata.NewOutgoingContext(ctx, md)
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	tok.SetAuthHeader(req)
	r := Request{Auth: tok.AccessToken}
	send(ctx, &r)
	hdrs := map[string]string{"authorization": "Bearer " + tok.AccessToken}
	_ = hdrs
	return c.http.Do(req)
}

func send(ctx context.Context, r *Request) {}

// A map of headers returned for the current call.
func headers(ts oauth2.TokenSource) (map[string]string, error) {
	tok, err := ts.Token()
	if err != nil {
		return nil, err
	}
	return map[string]string{"authorization": "Bearer " + tok.AccessToken}, nil
}

// Frozen credentials on a connection used and closed in this call.
func once(ctx context.Context, ts oauth2.TokenSource) error {
	tok, err := ts.Token()
	if err != nil {
		return err
	}
	conn, err := grpc.NewClient("example.com:443", grpc.WithPerRPCCredentials(oauth.NewOauthAccess(tok)))
	if err != nil {
		return err
	}
	defer conn.Close()
	return nil
}

// A static source for one HTTP request.
func get(ctx context.Context, cfg *oauth2.Config, code string) error {
	tok, err := cfg.Exchange(ctx, code)
	if err != nil {
		return err
	}
	_, err = oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok)).Get("https://example.com")
	return err
}

// A refreshing source in a field: right.
func (c *Client) setup(ts oauth2.TokenSource) {
	c.ts = oauth2.ReuseTokenSource(nil, ts)
	c.http = oauth2.NewClient(context.Background(), c.ts)
}

// The access token compared, logged, measured: not kept.
func inspect(ts oauth2.TokenSource) bool {
	tok, _ := ts.Token()
	n := len(tok.AccessToken)
	return n > 0 && tok.AccessToken != ""
}

// Filling a request passed in: per call.
type Options struct{ Token string }

func fill(ts oauth2.TokenSource, o *Options, req *http.Request) {
	tok, _ := ts.Token()
	o.Token = tok.AccessToken
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
}

// Frozen credentials as a call option of one RPC.
type Resp struct{ Token string }

func (*Resp) ProtoMessage() {}

type stub struct{}

func (stub) Call(ctx context.Context, req string, opts ...grpc.CallOption) (*Resp, error) {
	return nil, nil
}

func rpc(ctx context.Context, ts oauth2.TokenSource, s stub) (*Resp, error) {
	tok, err := ts.Token()
	if err != nil {
		return nil, err
	}
	resp, err := s.Call(ctx, "req", grpc.PerRPCCredentials(oauth.NewOauthAccess(tok)))
	return resp, err
}

// A token-vending handler returns the token in its response message.
func vend(ctx context.Context, ts oauth2.TokenSource) (*Resp, error) {
	tok, err := ts.Token()
	if err != nil {
		return nil, err
	}
	return &Resp{Token: tok.AccessToken}, nil
}
