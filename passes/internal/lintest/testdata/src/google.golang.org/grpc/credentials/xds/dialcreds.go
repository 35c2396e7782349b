// Package xds is a stub of google.golang.org/grpc/credentials/xds for
// the analysistest cases.
package xds

import "google.golang.org/grpc/credentials"

type ClientOptions struct {
	FallbackCreds credentials.TransportCredentials
}

func NewClientCredentials(opts ClientOptions) (credentials.TransportCredentials, error) {
	return nil, nil
}
