// Package nogrpc cannot reach grpc: the pass returns before any
// traversal, so even a directive that silences nothing goes unreported.
package nogrpc

import "context"

//grpcauthlint:ignore dialcreds never looked at

type Creds struct{}

func (Creds) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return nil, nil
}

func (Creds) RequireTransportSecurity() bool { return true } // want RequireTransportSecurity:`requiresTLS`

func Dial(target string) {}
