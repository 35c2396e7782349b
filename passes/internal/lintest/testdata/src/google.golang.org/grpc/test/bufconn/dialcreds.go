// Package bufconn is a stub of google.golang.org/grpc/test/bufconn for
// the analysistest cases.
package bufconn

import (
	"context"
	"net"
)

type Listener struct{}

func Listen(sz int) *Listener                                         { return nil }
func (l *Listener) Accept() (net.Conn, error)                         { return nil, nil }
func (l *Listener) Close() error                                      { return nil }
func (l *Listener) Addr() net.Addr                                    { return nil }
func (l *Listener) Dial() (net.Conn, error)                           { return nil, nil }
func (l *Listener) DialContext(ctx context.Context) (net.Conn, error) { return nil, nil }
