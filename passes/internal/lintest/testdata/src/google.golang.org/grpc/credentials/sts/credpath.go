// Package sts is a stub of google.golang.org/grpc/credentials/sts for
// the analysistest cases.
package sts

import "google.golang.org/grpc/credentials"

type Options struct {
	TokenExchangeServiceURI string
	Resource                string
	Audience                string
	Scope                   string
	RequestedTokenType      string
	SubjectTokenPath        string
	SubjectTokenType        string
	ActorTokenPath          string
	ActorTokenType          string
}

func NewCredentials(opts Options) (credentials.PerRPCCredentials, error) { return nil, nil }
