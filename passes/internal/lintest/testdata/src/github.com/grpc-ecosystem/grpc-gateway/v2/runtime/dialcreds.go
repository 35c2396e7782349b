// Package runtime is a stub of github.com/grpc-ecosystem/grpc-gateway/v2/runtime.
package runtime

// ServeMux is the gateway's HTTP multiplexer.
type ServeMux struct{}

// NewServeMux returns a new ServeMux.
func NewServeMux(opts ...ServeMuxOption) *ServeMux { return &ServeMux{} }
