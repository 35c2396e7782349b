// Package jwt is a stub of golang.org/x/oauth2/jwt for the analysistest
// cases.
package jwt

type Config struct {
	Email        string
	PrivateKey   []byte
	PrivateKeyID string
	Subject      string
	Scopes       []string
	TokenURL     string
}
