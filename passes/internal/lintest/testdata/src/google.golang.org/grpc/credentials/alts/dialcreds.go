// Package alts is a stub of google.golang.org/grpc/credentials/alts for
// the analysistest cases.
package alts

import "google.golang.org/grpc/credentials"

type ClientOptions struct {
	TargetServiceAccounts    []string
	HandshakerServiceAddress string
}

func DefaultClientOptions() *ClientOptions                                { return nil }
func NewClientCreds(opts *ClientOptions) credentials.TransportCredentials { return nil }
