// Package client keeps tokens it should refresh, and some it may keep.
package client

import (
	"context"
	"net/http"

	"cloud.google.com/go/auth"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/oauth"
	"google.golang.org/grpc/metadata"

	tokauth "example.com/e2etokens/auth"
)

type Client struct {
	conn   *grpc.ClientConn
	bearer string
	tok    *oauth2.Token
	ts     oauth2.TokenSource
}

var cached string

func Dial(ts oauth2.TokenSource) (*Client, error) {
	tok, err := ts.Token() // want "tokenrefresh: token frozen by oauth.NewOauthAccess; use oauth.TokenSource\\{TokenSource: ts\\}"
	if err != nil {
		return nil, err
	}
	conn, err := grpc.NewClient("example.com:443", grpc.WithPerRPCCredentials(oauth.NewOauthAccess(tok)))
	if err != nil {
		return nil, err
	}
	return &Client{conn: conn}, nil
}

func (c *Client) Login(ctx context.Context, cfg *oauth2.Config, code string) error {
	tok, err := tokauth.Login(ctx, cfg, code) // want "tokenrefresh: access token frozen in field Client.bearer; fetch it per call from the token source"
	if err != nil {
		return err
	}
	c.bearer = "Bearer " + tok.AccessToken
	return nil
}

func (c *Client) Header(ts oauth2.TokenSource) {
	c.bearer, _ = tokauth.Bearer(ts) // want "tokenrefresh: access token frozen in field Client.bearer; fetch it per call from the token source"
}

func Static(ctx context.Context, cfg *clientcredentials.Config) oauth.TokenSource {
	tok, _ := cfg.Token(ctx) // want "tokenrefresh: token frozen by oauth2.StaticTokenSource; use oauth.TokenSource\\{TokenSource: cfg.TokenSource\\(ctx\\)\\}"
	return oauth.TokenSource{TokenSource: oauth2.StaticTokenSource(tok)}
}

func Cloud(ctx context.Context, creds *auth.Credentials) {
	tok, _ := creds.Token(ctx) // want "tokenrefresh: access token frozen in package variable cached; call the token provider's Token per call"
	cached = tok.Value
}

func (c *Client) Redial(ts oauth2.TokenSource) error {
	tok, err := ts.Token() // want "tokenrefresh: token frozen by oauth.NewOauthAccess in Creds; use oauth.TokenSource\\{TokenSource: ts\\}"
	if err != nil {
		return err
	}
	c.conn, err = grpc.NewClient("example.com:443", grpc.WithPerRPCCredentials(tokauth.Creds(tok)))
	return err
}

// Good: a refreshing source, a refresh-capable use, a stored token, a
// per-call header.
func Good(ctx context.Context, cfg *oauth2.Config, ts oauth2.TokenSource, code string) (*Client, error) {
	tok, err := cfg.Exchange(ctx, code)
	if err != nil {
		return nil, err
	}
	c := &Client{tok: tok, ts: cfg.TokenSource(ctx, tok)}
	c.conn, err = grpc.NewClient("example.com:443",
		grpc.WithPerRPCCredentials(oauth.TokenSource{TokenSource: oauth2.ReuseTokenSource(nil, ts)}))
	return c, err
}

func (c *Client) Call(ctx context.Context, req *http.Request) context.Context {
	tok, err := c.ts.Token()
	if err != nil {
		return ctx
	}
	tok.SetAuthHeader(req)
	return metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+tok.AccessToken)
}

// perRPC fetches on every call: a refresher.
type perRPC struct{ ts oauth2.TokenSource }

func (p perRPC) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	tok, err := p.ts.Token()
	if err != nil {
		return nil, err
	}
	return map[string]string{"authorization": "Bearer " + tok.AccessToken}, nil
}

func (perRPC) RequireTransportSecurity() bool { return true }
