// Package credsmap implements per-RPC credentials: the map of its
// GetRequestMetadata is not per-call attachment.
package credsmap

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

type bearer string

func (b bearer) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + string(b)}, nil
}

func (bearer) RequireTransportSecurity() bool { return true } // want RequireTransportSecurity:`requiresTLS`

func dial(addr, tok string) {
	grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))                                          // want `^grpc.NewClient gets no credentials; add grpc.WithPerRPCCredentials$`
	grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()), grpc.WithPerRPCCredentials(bearer(tok))) // want `credsmap.bearer credentials over insecure.NewCredentials\(\) require TLS;`
}
