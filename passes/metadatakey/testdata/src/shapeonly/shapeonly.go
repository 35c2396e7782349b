// Package shapeonly imports nothing of gRPC: its type implements
// PerRPCCredentials by its method set alone.
package shapeonly

import "context"

type TokenAuth struct{ Token string }

func (t TokenAuth) GetRequestMetadata(ctx context.Context, in ...string) (map[string]string, error) {
	return map[string]string{
		":authorization": "Bearer " + t.Token, // want `metadata key ":authorization" is an HTTP/2 pseudo-header`
		"Tenant ID":      "x",                 // want `metadata key "Tenant ID" contains " "`
	}, nil
}

func (TokenAuth) RequireTransportSecurity() bool { return true }

type Good struct{ Token string }

func (g *Good) GetRequestMetadata(ctx context.Context, in ...string) (map[string]string, error) {
	return map[string]string{"Authorization": "Bearer " + g.Token, "X-API-Key": g.Token}, nil
}

func (*Good) RequireTransportSecurity() bool { return true }

// Half has the method but not RequireTransportSecurity: not credentials.
type Half struct{}

func (Half) GetRequestMetadata(ctx context.Context, in ...string) (map[string]string, error) {
	return map[string]string{":authorization": "x"}, nil
}

// OtherShape is named alike but returns another map.
type OtherShape struct{}

func (OtherShape) GetRequestMetadata(ctx context.Context) (map[string]string, error) {
	return map[string]string{":authorization": "x"}, nil
}

func (OtherShape) RequireTransportSecurity() bool { return true }

// GetRequestMetadata is a function, not a method.
func GetRequestMetadata(ctx context.Context, in ...string) (map[string]string, error) {
	return map[string]string{":authorization": "x"}, nil
}
