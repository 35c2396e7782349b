// Package unattached parses its credentials from config and never
// attaches them.
package unattached

import (
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// Provider is read from a config file.
type Provider struct {
	Host string `json:"host"`
	Auth string `json:"auth"`
}

func (p *Provider) Dial() (*grpc.ClientConn, error) {
	return grpc.NewClient(p.Host, grpc.WithTransportCredentials(insecure.NewCredentials())) // want "dialcreds: grpc.NewClient gets no credentials and Provider.Auth is never read;"
}
