// Command oneshot fetches a token, makes its calls and exits: no
// findings.
package main

import (
	"context"

	"golang.org/x/oauth2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/oauth"
)

var bearer string

func main() {
	ctx := context.Background()
	var cfg oauth2.Config
	tok, err := cfg.PasswordCredentialsToken(ctx, "u", "p")
	if err != nil {
		panic(err)
	}
	bearer = "Bearer " + tok.AccessToken
	conn, err := grpc.NewClient("example.com:443", grpc.WithPerRPCCredentials(oauth.NewOauthAccess(tok)))
	if err != nil {
		panic(err)
	}
	defer conn.Close()
	run(conn)
}

func run(conn *grpc.ClientConn) {}
