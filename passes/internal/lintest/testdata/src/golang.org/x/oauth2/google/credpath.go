// Package google is a stub of golang.org/x/oauth2/google for the
// analysistest cases.
package google

import (
	"context"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/jwt"
)

type Credentials struct {
	ProjectID   string
	TokenSource oauth2.TokenSource
	JSON        []byte
}

type CredentialsParams struct {
	Scopes         []string
	Subject        string
	UniverseDomain string
}

type CredentialsType string

const (
	ServiceAccount CredentialsType = "service_account"
	AuthorizedUser CredentialsType = "authorized_user"
)

func CredentialsFromJSON(ctx context.Context, jsonData []byte, scopes ...string) (*Credentials, error) {
	return nil, nil
}

func CredentialsFromJSONWithParams(ctx context.Context, jsonData []byte, params CredentialsParams) (*Credentials, error) {
	return nil, nil
}

func CredentialsFromJSONWithType(ctx context.Context, jsonData []byte, credType CredentialsType, scopes ...string) (*Credentials, error) {
	return nil, nil
}

func CredentialsFromJSONWithTypeAndParams(ctx context.Context, jsonData []byte, credType CredentialsType, params CredentialsParams) (*Credentials, error) {
	return nil, nil
}

func ConfigFromJSON(jsonKey []byte, scope ...string) (*oauth2.Config, error) { return nil, nil }

func JWTConfigFromJSON(jsonKey []byte, scope ...string) (*jwt.Config, error) { return nil, nil }

func JWTAccessTokenSourceFromJSON(jsonKey []byte, audience string) (oauth2.TokenSource, error) {
	return nil, nil
}

func JWTAccessTokenSourceWithScope(jsonKey []byte, scope ...string) (oauth2.TokenSource, error) {
	return nil, nil
}
