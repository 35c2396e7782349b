// Package plaincreds implements credentials.PerRPCCredentials without
// importing grpc: its fact is exported on the fast path.
package plaincreds

import "context"

type Creds struct{ Token string } // want Creds:`fieldreads\(Token\) plain\(unread=\)`

func (c Creds) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + c.Token}, nil
}

func (c Creds) RequireTransportSecurity() bool { return true } // want RequireTransportSecurity:`requiresTLS`

type Lax struct{}

func (Lax) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return nil, nil
}

func (Lax) RequireTransportSecurity() bool { return false }
