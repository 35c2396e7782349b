// Package dialhelp defines per-RPC credentials and dial helpers used by
// package dialcreds: their summaries reach it as facts.
package dialhelp

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
)

// Token sends a bearer token and refuses plaintext connections.
type Token struct{ Value string }

func (t Token) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + t.Value}, nil
}

func (Token) RequireTransportSecurity() bool { return true }

// Plaintext selects an insecure transport.
func Plaintext() grpc.DialOption {
	return grpc.WithTransportCredentials(insecure.NewCredentials())
}

// TLS selects TLS that authenticates the server only.
func TLS() grpc.DialOption {
	return grpc.WithTransportCredentials(credentials.NewTLS(nil))
}

// Dial wraps grpc.NewClient with TLS.
func Dial(target string, opts ...grpc.DialOption) (*grpc.ClientConn, error) {
	return grpc.NewClient(target, append([]grpc.DialOption{TLS()}, opts...)...)
}
