// Package grpcapi is what the passes know about the gRPC, OAuth and TLS
// APIs they judge (staticcheck's knowledge/ role): the import paths, and
// the shapes every pass asks about. Is this type a PerRPCCredentials,
// this method a token source's Token, this function a client or server
// interceptor, this type a *tls.Config, this value a generated service
// registration? Passes ask here and never re-derive the answer, so one
// fix serves all of them.
//
// Shapes are matched by types, never by type strings, and by method set
// where a type implements an interface structurally (a credentials
// package need not import grpc to implement PerRPCCredentials).
package grpcapi
