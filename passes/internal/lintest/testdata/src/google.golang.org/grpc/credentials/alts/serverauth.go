package alts

import (
	"context"

	"google.golang.org/grpc/peer"
)

type AuthInfo interface {
	ApplicationProtocol() string
	RecordProtocol() string
	PeerServiceAccount() string
	LocalServiceAccount() string
}

func AuthInfoFromContext(ctx context.Context) (AuthInfo, error) { return nil, nil }
func AuthInfoFromPeer(p *peer.Peer) (AuthInfo, error)           { return nil, nil }
