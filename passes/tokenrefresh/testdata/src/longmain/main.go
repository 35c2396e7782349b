// Command longmain serves forever with a token fetched at start-up.
package main

import (
	"context"
	"net"

	"golang.org/x/oauth2"
	"google.golang.org/grpc/credentials/oauth"
)

type server struct{ auth string }

var bearer string

func main() {
	ctx := context.Background()
	var cfg oauth2.Config
	tok, err := cfg.PasswordCredentialsToken(ctx, "u", "p") // want `access token frozen in package variable bearer; fetch it per call from cfg\.TokenSource\(ctx, tok\)`
	if err != nil {
		panic(err)
	}
	bearer = "Bearer " + tok.AccessToken
	_ = oauth.NewOauthAccess
	lis, _ := net.Listen("tcp", ":8080")
	serve(lis)
	for {
	}
}

func serve(lis net.Listener) {}
