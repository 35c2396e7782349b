// Package http2 is a stub of golang.org/x/net/http2.
package http2

type Server struct {
	MaxConcurrentStreams uint32
}
