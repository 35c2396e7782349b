// Package frozen has one case for every place a token is frozen.
package frozen

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"golang.org/x/oauth2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/oauth"
	"google.golang.org/grpc/metadata"
)

type Client struct {
	auth  string
	md    metadata.MD
	creds credentials.PerRPCCredentials
	ts    oauth2.TokenSource
	hdrs  []string
	conn  *grpc.ClientConn
}

type Options struct {
	Token string
}

var (
	static  oauth2.TokenSource
	globalC Client
	global  *Options
)

// NewOauthAccess returned.
func newCreds(ts oauth2.TokenSource) (credentials.PerRPCCredentials, error) {
	tok, err := ts.Token() // want `frozen by oauth\.NewOauthAccess`
	if err != nil {
		return nil, err
	}
	return oauth.NewOauthAccess(tok), nil
}

// NewOauthAccess stored in a field through a local.
func (c *Client) init(ts oauth2.TokenSource) {
	tok, _ := ts.Token() // want `frozen by oauth\.NewOauthAccess`
	creds := oauth.NewOauthAccess(tok)
	c.creds = creds
}

// StaticTokenSource in a package variable.
func initStatic(ts oauth2.TokenSource) {
	tok, _ := ts.Token() // want `frozen by oauth2\.StaticTokenSource`
	static = oauth2.StaticTokenSource(tok)
}

// StaticTokenSource inside oauth.TokenSource{...}, in a dial option
// whose connection is kept.
func (c *Client) dial(ctx context.Context, cfg *oauth2.Config, code string) error {
	tok, err := cfg.Exchange(ctx, code) // want `token frozen by oauth2\.StaticTokenSource; use oauth\.TokenSource\{TokenSource: cfg\.TokenSource\(ctx, tok\)\}`
	if err != nil {
		return err
	}
	var opts []grpc.DialOption
	opts = append(opts, grpc.WithPerRPCCredentials(oauth.TokenSource{
		TokenSource: oauth2.StaticTokenSource(tok), // related
	}))
	conn, err := grpc.NewClient("example.com:443", opts...)
	if err != nil {
		return err
	}
	c.conn = conn
	return nil
}

// Access-token string in a field, built with +.
func (c *Client) login(ctx context.Context, cfg *oauth2.Config) error {
	tok, err := cfg.PasswordCredentialsToken(ctx, "u", "p") // want `access token frozen in field Client\.auth; fetch it per call from cfg\.TokenSource\(ctx, tok\)`
	if err != nil {
		return err
	}
	c.auth = "Bearer " + tok.AccessToken // related
	return nil
}

// Through a local variable chain and fmt.Sprintf.
func (c *Client) chain(ts oauth2.TokenSource) {
	tok, _ := ts.Token() // want `access token frozen in field Client\.auth; fetch it per call from the token source`
	t := tok
	s := t.AccessToken
	h := fmt.Sprintf("Bearer %s", s)
	c.auth = h
}

// A metadata.MD built from it, in a field.
func (c *Client) metadata(ts oauth2.TokenSource) {
	tok, _ := ts.Token() // want `access token frozen in field Client\.md; fetch it per call from the token source`
	c.md = metadata.Pairs("authorization", "Bearer "+tok.AccessToken)
}

// A struct literal returned.
func newOptions(ts oauth2.TokenSource) *Options {
	tok, _ := ts.Token() // want `access token frozen in the Options returned by newOptions; fetch it per call from the token source`
	return &Options{Token: tok.AccessToken}
}

// A struct literal stored in a package variable.
func initGlobal(ts oauth2.TokenSource) {
	tok, _ := ts.Token() // want `access token frozen in package variable globalC; fetch it per call from the token source`
	globalC = Client{auth: tok.AccessToken}
}

// A local struct filled field by field, then stored.
func initGlobal2(ts oauth2.TokenSource) {
	tok, _ := ts.Token() // want `access token frozen in package variable global; fetch it per call from the token source`
	o := &Options{}
	o.Token = tok.AccessToken
	global = o
}

// A slice appended to, in a field.
func (c *Client) headers(ts oauth2.TokenSource) {
	tok, _ := ts.Token() // want `access token frozen in field Client\.hdrs; fetch it per call from the token source`
	c.hdrs = append(c.hdrs, "Authorization: Bearer "+tok.AccessToken)
}

// A token built from the string, given to NewOauthAccess.
func rebuilt(ts oauth2.TokenSource) credentials.PerRPCCredentials {
	tok, _ := ts.Token() // want `frozen by oauth\.NewOauthAccess`
	return oauth.NewOauthAccess(&oauth2.Token{AccessToken: tok.AccessToken, TokenType: "Bearer"})
}

// A PerRPCCredentials of our own holding the string.
type tokenAuth struct{ token string }

func (t tokenAuth) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + t.token}, nil
}

func (tokenAuth) RequireTransportSecurity() bool { return true }

func dialStatic(ts oauth2.TokenSource) grpc.DialOption {
	tok, _ := ts.Token() // want `access token frozen in a tokenAuth PerRPCCredentials value; fetch it per call from the token source`
	return grpc.WithPerRPCCredentials(tokenAuth{token: tok.AccessToken})
}

func dialStatic2(ts oauth2.TokenSource) grpc.DialOption {
	tok, _ := ts.Token() // want `access token frozen in a tokenAuth PerRPCCredentials value; fetch it per call from the token source`
	var a tokenAuth
	a.token = tok.AccessToken
	return grpc.WithPerRPCCredentials(a)
}

// A token source of our own holding the string.
type fixed struct{ s string }

func (f *fixed) Token() (*oauth2.Token, error) { return &oauth2.Token{AccessToken: f.s}, nil }

func fixedSource(ts oauth2.TokenSource) oauth2.TokenSource {
	tok, _ := ts.Token() // want `access token frozen in a fixed token source value; fetch it per call from the token source`
	return &fixed{s: tok.AccessToken}
}

// A context carrying the token, kept in a field.
type ctxClient struct{ ctx context.Context }

func (c *ctxClient) init(ts oauth2.TokenSource) {
	tok, _ := ts.Token() // want `access token frozen in field ctxClient\.ctx; fetch it per call from the token source`
	c.ctx = metadata.AppendToOutgoingContext(context.Background(), "authorization", "Bearer "+tok.AccessToken)
}

// Headers of the receiver set once.
type headerClient struct {
	h  http.Header
	md metadata.MD
}

func (c *headerClient) init(ts oauth2.TokenSource) {
	tok, _ := ts.Token() // want `access token frozen in field headerClient\.h; fetch it per call from the token source`
	c.h.Set("Authorization", "Bearer "+tok.AccessToken)
}

func (c *headerClient) init2(ts oauth2.TokenSource) {
	tok, _ := ts.Token() // want `access token frozen in field headerClient\.md; fetch it per call from the token source`
	c.md.Set("authorization", "Bearer "+tok.AccessToken)
}

// Captured by a client interceptor closure.
func interceptor(ts oauth2.TokenSource) grpc.UnaryClientInterceptor {
	tok, err := ts.Token() // want `access token frozen in a client interceptor closure capturing it; fetch it per call from the token source`
	if err != nil {
		return nil
	}
	return func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+tok.AccessToken)
		return invoker(ctx, method, req, reply, cc, opts...)
	}
}

// A map element of a field.
type headerCache struct{ h http.Header }

func (c *headerCache) set(ts oauth2.TokenSource) {
	tok, _ := ts.Token() // want `access token frozen in an element of field headerCache\.h; fetch it per call from the token source`
	c.h["Authorization"] = []string{"Bearer " + tok.AccessToken}
}

// A retry loop elsewhere in the type does not make it a cache.
type retrying struct {
	ts     oauth2.TokenSource
	bearer string
}

func (r *retrying) call() {
	for i := 0; i < 3; i++ {
		time.Sleep(time.Second)
	}
}

func (r *retrying) login() {
	tok, _ := r.ts.Token() // want `access token frozen in field retrying\.bearer; fetch it per call from the token source`
	r.bearer = tok.AccessToken
}

// A static token asked for by an option: deliberate, not reported.
func source(ts oauth2.TokenSource, isStaticToken bool) (oauth2.TokenSource, error) {
	if isStaticToken {
		tok, err := ts.Token()
		if err != nil {
			return nil, err
		}
		return oauth2.StaticTokenSource(tok), nil
	}
	return oauth2.ReuseTokenSource(nil, ts), nil
}

// Outside the branch of such a condition, a fetch is not exempt.
func source2(ts oauth2.TokenSource, static bool) oauth2.TokenSource {
	if static {
		return nil
	}
	tok, _ := ts.Token() // want `frozen by oauth2\.StaticTokenSource`
	return oauth2.StaticTokenSource(tok)
}
