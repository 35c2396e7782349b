// Package perrpckeys holds per-RPC credentials whose GetRequestMetadata
// maps hold keys or values gRPC cannot send, and some it can. It imports
// only google.golang.org/grpc/credentials, which does not import
// grpc/metadata: the usual shape of a credentials package.
// runtime_test.go sends each through the real grpc-go to an in-process
// server.
package perrpckeys

import (
	"context"

	"google.golang.org/grpc/credentials"
)

type insecureOK struct{}

func (insecureOK) RequireTransportSecurity() bool { return false }

// Colon writes a pseudo-header.
type Colon struct{ insecureOK }

func (Colon) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return map[string]string{":authorization": "Bearer t0ken"}, nil // want "metadatakey: metadata key \":authorization\" is an HTTP/2 pseudo-header: every RPC with these credentials fails; use \"authorization\""
}

// Authority writes the request's own pseudo-header.
type Authority struct{ insecureOK }

func (Authority) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return map[string]string{":authority": "api.example.com", "authorization": "Bearer t0ken"}, nil // want "metadatakey: metadata key \":authority\" is an HTTP/2 pseudo-header: .*; set the authority with grpc.WithAuthority"
}

// Empty writes an empty key.
type Empty struct{ insecureOK }

func (Empty) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return map[string]string{"": "x", "authorization": "Bearer t0ken"}, nil // want "metadatakey: metadata key is empty: every RPC with these credentials fails; name the key"
}

// Space writes a key with a space.
type Space struct{ insecureOK }

func (Space) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	m := map[string]string{"authorization": "Bearer t0ken"}
	m["x tenant"] = "a" // want "metadatakey: metadata key \"x tenant\" contains \" \", not in \\[0-9a-z-_.\\]: every RPC with these credentials fails; rename the key"
	return m, nil
}

// Control writes a value with a newline.
type Control struct{ insecureOK }

func (Control) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer t0ken", "x-note": "a\nb"}, nil // want "metadatakey: metadata value for key \"x-note\" is not printable ASCII: every RPC with these credentials fails; encode it \\(e.g. base64\\) under key \"x-note-bin\""
}

// Upper writes an uppercase key: the transport lowercases it.
type Upper struct{ insecureOK }

func (Upper) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return map[string]string{"Authorization": "Bearer t0ken"}, nil
}

// Binary writes raw bytes under a -bin key: the transport encodes them.
type Binary struct{ insecureOK }

func (Binary) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer t0ken", "x-note-bin": "\x00\x01"}, nil
}

// UserAgent writes a reserved header, which the transport sends beside
// its own: not dropped, unlike in outgoing metadata.
type UserAgent struct{ insecureOK }

func (UserAgent) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer t0ken", "user-agent": "mine"}, nil
}

var _ = []credentials.PerRPCCredentials{Colon{}, Authority{}, Empty{}, Space{}, Control{}, Upper{}, Binary{}, UserAgent{}}
