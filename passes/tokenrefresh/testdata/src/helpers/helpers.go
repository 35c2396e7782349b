// Package helpers passes tokens to functions of the same package that
// keep, store or return them.
package helpers

import (
	"context"
	"net/http"

	"golang.org/x/oauth2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/oauth"
)

var bearer string

type Client struct {
	token string
	creds credentials.PerRPCCredentials
	api   *API
}

type API struct {
	base  string
	token string
}

// Keepers.

func setGlobal(s string) { bearer = s }

func (c *Client) setToken(s string) { c.token = s }

func (c *Client) setCreds(tok *oauth2.Token) { c.creds = oauth.NewOauthAccess(tok) }

func newAPI(base, token string) *API { return &API{base: base, token: token} }

func header(s string) string { return "Bearer " + s }

func credsFor(tok *oauth2.Token) credentials.PerRPCCredentials { return oauth.NewOauthAccess(tok) }

func (a *API) Do(req *http.Request) (*http.Response, error) { return nil, nil }

// Findings at the fetch.

func a(ts oauth2.TokenSource) {
	tok, _ := ts.Token() // want `access token frozen in package variable bearer by setGlobal; fetch it per call from the token source`
	setGlobal(tok.AccessToken)
}

func (c *Client) b(ts oauth2.TokenSource) {
	tok, _ := ts.Token() // want `access token frozen in field Client\.token; fetch it per call from the token source`
	c.token = header(tok.AccessToken)
}

func (c *Client) c(ts oauth2.TokenSource) {
	tok, _ := ts.Token() // want `access token frozen in a field of the receiver of setToken; fetch it per call from the token source`
	c.setToken(tok.AccessToken)
}

func (c *Client) d(ts oauth2.TokenSource) {
	tok, _ := ts.Token() // want `frozen by oauth\.NewOauthAccess in setCreds`
	c.setCreds(tok)
}

func (c *Client) e(ts oauth2.TokenSource) {
	tok, _ := ts.Token() // want `access token frozen in field Client\.api; fetch it per call from the token source`
	c.api = newAPI("https://example.com", tok.AccessToken)
}

func f(ts oauth2.TokenSource) (*grpc.ClientConn, error) {
	tok, _ := ts.Token() // want `frozen by oauth\.NewOauthAccess in credsFor`
	return grpc.NewClient("example.com:443", grpc.WithPerRPCCredentials(credsFor(tok)))
}

// Not findings: the helpers' results used for this call.

func g(ctx context.Context, ts oauth2.TokenSource, req *http.Request) error {
	tok, _ := ts.Token()
	req.Header.Set("Authorization", header(tok.AccessToken))
	_, err := newAPI("https://example.com", tok.AccessToken).Do(req)
	return err
}

func h(ctx context.Context, ts oauth2.TokenSource) error {
	tok, _ := ts.Token()
	conn, err := grpc.NewClient("example.com:443", grpc.WithPerRPCCredentials(credsFor(tok)))
	if err != nil {
		return err
	}
	return conn.Close()
}

func i(ts oauth2.TokenSource) {
	tok, _ := ts.Token()
	var local Client
	local.setToken(tok.AccessToken)
	_ = local
}

// A wrapper through a helper.
func bearerOf(ts oauth2.TokenSource) (string, error) { // want bearerOf:"returns a fetched access token \\(result 0\\)"
	tok, err := ts.Token()
	if err != nil {
		return "", err
	}
	return header(tok.AccessToken), nil
}

// Named results.
func namedCreds(ts oauth2.TokenSource) (creds credentials.PerRPCCredentials, err error) {
	tok, err := ts.Token() // want `frozen by oauth\.NewOauthAccess`
	if err != nil {
		return nil, err
	}
	creds = oauth.NewOauthAccess(tok)
	return
}

func namedAPI(ts oauth2.TokenSource) (api *API, err error) {
	tok, err := ts.Token() // want `access token frozen in the API returned by namedAPI; fetch it per call from the token source`
	if err != nil {
		return nil, err
	}
	api = &API{token: tok.AccessToken}
	return
}

// A constructor returning an error too, returned as is.
func newAPI2(base, token string) (*API, error) { return &API{base: base, token: token}, nil }

func tupled(ts oauth2.TokenSource) (*API, error) {
	tok, _ := ts.Token() // want `access token frozen in the API returned by tupled; fetch it per call from the token source`
	return newAPI2("https://example.com", tok.AccessToken)
}

// A field of a call's result: unknown.
func current() *Client { return nil }

func unknown(ts oauth2.TokenSource) {
	tok, _ := ts.Token()
	current().token = tok.AccessToken
}
