// Package oauth is a stub of google.golang.org/grpc/credentials/oauth
// for the analysistest cases.
package oauth

import (
	"context"

	"golang.org/x/oauth2"
	"google.golang.org/grpc/credentials"
)

type TokenSource struct {
	oauth2.TokenSource
}

func (ts TokenSource) GetRequestMetadata(ctx context.Context, _ ...string) (map[string]string, error) {
	return nil, nil
}

func (ts TokenSource) RequireTransportSecurity() bool { return true }

func NewOauthAccess(token *oauth2.Token) credentials.PerRPCCredentials { return nil }
