package oauth

import "google.golang.org/grpc/credentials"

func NewJWTAccessFromFile(keyFile string) (credentials.PerRPCCredentials, error) { return nil, nil }

func NewJWTAccessFromKey(jsonKey []byte) (credentials.PerRPCCredentials, error) { return nil, nil }

func NewServiceAccountFromKey(jsonKey []byte, scope ...string) (credentials.PerRPCCredentials, error) {
	return nil, nil
}

func NewServiceAccountFromFile(keyFile string, scope ...string) (credentials.PerRPCCredentials, error) {
	return nil, nil
}
