// Package credstypeerrors does not type-check; the pass must not panic
// and must still judge the maps it can.
package credstypeerrors

import "context"

type Broken struct{}

func (Broken) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	m := map[string]string{":authorization": undefinedToken} // want `metadata key ":authorization" is an HTTP/2 pseudo-header`
	m[missingKey] = "v"
	m["bad key"] = nope // want `metadata key "bad key" contains " "`
	return m, nil
}

func (Broken) RequireTransportSecurity() bool { return true }

type Unknown struct{}

func (Unknown) GetRequestMetadata(ctx context.Context, uri ...string) (missing.Map, error) {
	return missing.Map{":authorization": "x"}, nil
}

func (Unknown) RequireTransportSecurity() bool { return true }

type NoBody struct{}

func (NoBody) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error)

func (NoBody) RequireTransportSecurity() bool { return true }

func (Undeclared) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return map[string]string{":authorization": "x"}, nil
}

func (b Broken) Other() {
	return map[string]string{":authorization": "x"}, nil
}
