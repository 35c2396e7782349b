// Package credsonly imports only grpc/credentials, which does not import
// grpc/metadata: the usual credentials package. Its GetRequestMetadata
// maps are checked all the same.
package credsonly

import (
	"context"
	"strings"

	"google.golang.org/grpc/credentials"
)

const headerKey = ":Authorization"

type insecureOK struct{}

func (insecureOK) RequireTransportSecurity() bool { return false }

type Pseudo struct {
	insecureOK
	tok string
}

func (p Pseudo) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return map[string]string{":authorization": "Bearer " + p.tok}, nil // want `metadata key ":authorization" is an HTTP/2 pseudo-header: every RPC with these credentials fails; use "authorization"`
}

type PseudoConst struct{ insecureOK }

func (*PseudoConst) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	m := map[string]string{
		headerKey:    "Bearer x", // want `metadata key ":Authorization" is an HTTP/2 pseudo-header: .*; use "authorization"`
		":authority": "api",      // want `metadata key ":authority" is an HTTP/2 pseudo-header: .*; set the authority with grpc.WithAuthority`
		":path":      "/x",       // want `metadata key ":path" is an HTTP/2 pseudo-header: .*; remove the key`
	}
	return m, nil
}

type Invalid struct{ insecureOK }

// GetRequestMetadata builds its map in steps and returns it through a
// named result.
func (Invalid) GetRequestMetadata(ctx context.Context, uri ...string) (md map[string]string, err error) {
	md = map[string]string{
		"":              "x",        // want `metadata key is empty: every RPC with these credentials fails; name the key`
		"X Tenant":      "a",        // want `metadata key "X Tenant" contains " ", not in \[0-9a-z-_\.\]: every RPC with these credentials fails; rename the key`
		"x-note":        "a\nb",     // want `metadata value for key "x-note" is not printable ASCII: every RPC with these credentials fails; encode it \(e\.g\. base64\) under key "x-note-bin"`
		"x-raw-bin":     "\x00\x01", // -bin: the transport encodes it
		"Authorization": "Bearer x", // lowercased by the transport: fine
	}
	md["x/tenant"] = "b" // want `metadata key "x/tenant" contains "/"`
	md["X-Request-ID"] = "1"
	return
}

// Fine holds only keys the transport sends as they are meant.
type Fine struct {
	insecureOK
	key, tok string
	extra    map[string]string
}

func (f Fine) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	form := map[string]string{"grant type": "x"} // not returned: a token request's form, not metadata
	_ = form
	m := map[string]string{
		"Authorization":        "Bearer " + f.tok, // uppercase: the transport lowercases it
		"x-goog-user-project":  "p",
		"user-agent":           "mine", // sent beside grpc-go's own
		f.key:                  f.tok,  // computed key: cannot be judged
		strings.ToUpper(f.key): "v",
	}
	for k, v := range f.extra {
		m[k] = v
	}
	m[f.key+" x"] = "v"                                                            // not constant
	build := func() map[string]string { return map[string]string{"bad key": "v"} } // a closure's map, not returned here
	_ = build
	return m, nil
}

var _ credentials.PerRPCCredentials = Pseudo{}
