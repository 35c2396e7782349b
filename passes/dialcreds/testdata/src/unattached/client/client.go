// Package client dials with structs declared in other packages (the
// cross-package form of the rule).
package client

import (
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"unattached/config"
	"unattached/plainconf"
)

func Dial(cfg *config.Config) (*grpc.ClientConn, error) {
	return grpc.NewClient(cfg.Addr, grpc.WithTransportCredentials(insecure.NewCredentials())) // want `^grpc.NewClient gets no credentials and config.Config.Token is never read; attach them with grpc.WithPerRPCCredentials$`
}

func DialOptions(o config.Options) (*grpc.ClientConn, error) {
	return grpc.NewClient(o.Addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
}

func DialPlain(s plainconf.Settings) (*grpc.ClientConn, error) {
	return grpc.NewClient(s.Addr, grpc.WithTransportCredentials(insecure.NewCredentials())) // want `^grpc.NewClient gets no credentials and plainconf.Settings.APIKey is never read; attach them with grpc.WithPerRPCCredentials$`
}
