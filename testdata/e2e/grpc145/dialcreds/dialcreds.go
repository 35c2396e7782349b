// Package dialcreds uses grpc-go v1.45.0: Dial and DialContext with
// WithInsecure, before NewClient.
package dialcreds

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/metadata"
)

// bearer sends a token and refuses plaintext connections.
type bearer string

func (b bearer) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + string(b)}, nil
}

func (bearer) RequireTransportSecurity() bool { return true }

func Plain(addr string) (*grpc.ClientConn, error) {
	return grpc.Dial(addr, grpc.WithInsecure())
}

func TokenOnPlaintext(addr, token string) (*grpc.ClientConn, error) {
	return grpc.Dial(addr, grpc.WithInsecure(), grpc.WithPerRPCCredentials(bearer(token))) // want "dialcreds: dialcreds.bearer credentials over grpc.WithInsecure\\(\\) require TLS; use credentials.NewTLS"
}

func Authed(ctx context.Context, addr, token string) (*grpc.ClientConn, error) {
	return grpc.DialContext(ctx, addr, grpc.WithTransportCredentials(credentials.NewTLS(nil)), grpc.WithPerRPCCredentials(bearer(token)))
}

func MetadataOnDial(ctx context.Context, addr, token string) (*grpc.ClientConn, error) {
	return grpc.DialContext(metadata.AppendToOutgoingContext(ctx, "x-tenant", token), addr, grpc.WithInsecure()) // want "dialcreds: metadata attached to the context of grpc.DialContext is never sent"
}
