// Package credentials is a stub of cloud.google.com/go/auth/credentials
// for the analysistest cases.
package credentials

import (
	"time"

	"cloud.google.com/go/auth"
)

type CredType string

const (
	ServiceAccount CredType = "service_account"
	AuthorizedUser CredType = "authorized_user"
)

type DetectOptions struct {
	Scopes            []string
	Audience          string
	Subject           string
	EarlyTokenRefresh time.Duration
	TokenURL          string
	STSAudience       string
	CredentialsFile   string
	CredentialsJSON   []byte
	UniverseDomain    string
}

func DetectDefault(opts *DetectOptions) (*auth.Credentials, error) { return nil, nil }

func NewCredentialsFromFile(credType CredType, filename string, opts *DetectOptions) (*auth.Credentials, error) {
	return nil, nil
}

func NewCredentialsFromJSON(credType CredType, b []byte, opts *DetectOptions) (*auth.Credentials, error) {
	return nil, nil
}
