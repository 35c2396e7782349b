// Command oneshot fetches once, calls and exits: not a finding.
package main

import (
	"context"

	"golang.org/x/oauth2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/oauth"
)

func main() {
	cfg := &oauth2.Config{}
	tok, err := cfg.PasswordCredentialsToken(context.Background(), "user", "pass")
	if err != nil {
		panic(err)
	}
	conn, err := grpc.NewClient("example.com:443", grpc.WithPerRPCCredentials(oauth.NewOauthAccess(tok)))
	if err != nil {
		panic(err)
	}
	defer conn.Close()
}
