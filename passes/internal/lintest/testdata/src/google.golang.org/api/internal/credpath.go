// Package internal is a stub of google.golang.org/api/internal for the
// analysistest cases.
package internal

type DialSettings struct {
	CredentialsFile     string
	CredentialsJSON     []byte
	AuthCredentialsFile string
	AuthCredentialsJSON []byte
}
