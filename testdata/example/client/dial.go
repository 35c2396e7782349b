package client

import (
	"context"

	"golang.org/x/oauth2/clientcredentials"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
)

// Dial connects to the greeter service over TLS.
func Dial(target string) (*grpc.ClientConn, error) {
	creds, err := credentials.NewClientTLSFromFile("certs/ca.pem", "greeter.example.com")
	if err != nil {
		return nil, err
	}
	return grpc.NewClient(target, grpc.WithTransportCredentials(creds))
}

// accessToken is the token every call sends.
var accessToken string

// Login fetches the service's access token at start-up.
func Login(ctx context.Context, cfg *clientcredentials.Config) error {
	tok, err := cfg.Token(ctx)
	if err != nil {
		return err
	}
	accessToken = tok.AccessToken
	return nil
}
