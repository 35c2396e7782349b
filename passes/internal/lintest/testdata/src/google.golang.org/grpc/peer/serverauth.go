// Package peer is a stub of google.golang.org/grpc/peer for the
// analysistest cases.
package peer

import (
	"context"
	"net"

	"google.golang.org/grpc/credentials"
)

type Peer struct {
	Addr      net.Addr
	LocalAddr net.Addr
	AuthInfo  credentials.AuthInfo
}

func NewContext(ctx context.Context, p *Peer) context.Context { return ctx }
func FromContext(ctx context.Context) (p *Peer, ok bool)      { return nil, false }
