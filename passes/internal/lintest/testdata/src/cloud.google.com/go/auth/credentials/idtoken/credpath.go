// Package idtoken is a stub of
// cloud.google.com/go/auth/credentials/idtoken for the analysistest
// cases.
package idtoken

import (
	"cloud.google.com/go/auth"
	"cloud.google.com/go/auth/credentials"
)

type Options struct {
	Audience        string
	CustomClaims    map[string]interface{}
	CredentialsFile string
	CredentialsJSON []byte
	UniverseDomain  string
}

func NewCredentials(opts *Options) (*auth.Credentials, error) { return nil, nil }

func NewCredentialsFromJSON(credType credentials.CredType, b []byte, opts *Options) (*auth.Credentials, error) {
	return nil, nil
}

func NewCredentialsFromFile(credType credentials.CredType, filename string, opts *Options) (*auth.Credentials, error) {
	return nil, nil
}
