package creds

import (
	"context"

	"google.golang.org/grpc/metadata"
)

var _ metadata.MD

type tokenCreds struct{ tok string }

func (c tokenCreds) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	m := map[string]string{
		"Authorization": "Bearer " + c.tok, // lowercased by the transport: fine
		"x tenant":      "a",               // want `metadata key "x tenant" contains " ", not in \[0-9a-z-_\.\]: every RPC with these credentials fails; rename the key`
	}
	m["X-Ok"] = "1"
	m["bad key"] = "1" // want `metadata key "bad key" contains " "`
	return m, nil
}

func (c tokenCreds) RequireTransportSecurity() bool { return true }

func plain() map[string]string {
	return map[string]string{"bad key": "x", "Upper": "y"} // not metadata
}
