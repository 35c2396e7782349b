// Package jwt is a stub of google.golang.org/grpc/credentials/jwt for
// the analysistest cases.
package jwt

import "google.golang.org/grpc/credentials"

func NewTokenFileCallCredentials(tokenFilePath string) (credentials.PerRPCCredentials, error) {
	return nil, nil
}
