package credentials

import (
	"context"
	"net"
)

type ProtocolInfo struct {
	ProtocolVersion  string
	SecurityProtocol string
	SecurityVersion  string
	ServerName       string
}

type AuthInfo interface {
	AuthType() string
}

type TransportCredentials interface {
	ClientHandshake(context.Context, string, net.Conn) (net.Conn, AuthInfo, error)
	ServerHandshake(net.Conn) (net.Conn, AuthInfo, error)
	Info() ProtocolInfo
	Clone() TransportCredentials
	OverrideServerName(string) error
}

func NewClientTLSFromFile(certFile, serverNameOverride string) (TransportCredentials, error) {
	return nil, nil
}

func NewServerTLSFromFile(certFile, keyFile string) (TransportCredentials, error) {
	return nil, nil
}
