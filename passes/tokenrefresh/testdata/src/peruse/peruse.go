// Package peruse calls per-use wrappers of another package: using the
// value within the call is right; keeping it freezes the token.
package peruse

import (
	"context"

	"golang.org/x/oauth2"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/oauth"
	"k8s.io/client-go/rest"

	"peruse/lib"
)

var shared *rest.Config

type Client struct {
	cfg *rest.Config
	ts  oauth2.TokenSource
}

func list(*rest.Config) error { return nil }

// Used within the call and dropped: fine.
func (c *Client) List(ctx context.Context) error {
	cfg, err := lib.RestConfig(ctx, c.ts, "https://k8s.example.com")
	if err != nil {
		return err
	}
	return list(cfg)
}

// Kept in a package variable.
func Init(ctx context.Context, ts oauth2.TokenSource) {
	shared, _ = lib.RestConfig(ctx, ts, "https://k8s.example.com") // want `access token in lib\.RestConfig's result frozen in package variable shared; call lib\.RestConfig for each use`
}

// Kept in a field of the receiver.
func (c *Client) Connect(ctx context.Context) error {
	cfg, err := lib.RestConfig(ctx, c.ts, "https://k8s.example.com") // want `access token in lib\.RestConfig's result frozen in field Client\.cfg; call lib\.RestConfig for each use`
	if err != nil {
		return err
	}
	c.cfg = cfg
	return nil
}

// Returned: a per-use wrapper in turn.
func Config(ctx context.Context, ts oauth2.TokenSource) (*rest.Config, error) { // want Config:"returns a value holding a fetched access token \\(result 0\\)"
	return lib.RestConfig(ctx, ts, "https://k8s.example.com")
}

// A caller of that wrapper in this package keeps it.
var global *rest.Config

func initGlobal(ctx context.Context, ts oauth2.TokenSource) {
	global, _ = Config(ctx, ts) // want `access token in Config's result frozen in package variable global; call Config for each use`
}

// A fresh token handed to credentials that never refresh.
func Creds(ts oauth2.TokenSource) credentials.PerRPCCredentials {
	tok, _ := lib.Fresh(ts) // want `frozen by oauth\.NewOauthAccess`
	return oauth.NewOauthAccess(tok)
}

func Static(ts oauth2.TokenSource) oauth2.TokenSource {
	tok, _ := lib.Fresh(ts) // want `frozen by oauth2\.StaticTokenSource`
	return oauth2.StaticTokenSource(tok)
}

// A static source built per call and dropped: fine.
func Once(ctx context.Context, ts oauth2.TokenSource) error {
	tok, err := lib.Fresh(ts)
	if err != nil {
		return err
	}
	_, err = oauth2.StaticTokenSource(tok).Token()
	return err
}
