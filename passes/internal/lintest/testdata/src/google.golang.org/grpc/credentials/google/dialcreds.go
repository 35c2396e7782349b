// Package google is a stub of google.golang.org/grpc/credentials/google
// for the analysistest cases.
package google

import (
	"context"

	"google.golang.org/grpc/credentials"
)

type DefaultCredentialsOptions struct {
	PerRPCCreds     credentials.PerRPCCredentials
	ALTSPerRPCCreds credentials.PerRPCCredentials
}

func NewDefaultCredentialsWithOptions(opts DefaultCredentialsOptions) credentials.Bundle { return nil }
func NewDefaultCredentials() credentials.Bundle                                          { return nil }
func NewComputeEngineCredentials() credentials.Bundle                                    { return nil }

func NewServiceAccountIdentityCredentials(ctx context.Context, audience string) (credentials.PerRPCCredentials, error) {
	return nil, nil
}
