package credentials

import (
	"crypto/tls"
	"crypto/x509"
)

type Bundle interface {
	TransportCredentials() TransportCredentials
	PerRPCCredentials() PerRPCCredentials
	NewWithMode(mode string) (Bundle, error)
}

func NewTLS(c *tls.Config) TransportCredentials { return nil }

func NewClientTLSFromCert(cp *x509.CertPool, serverNameOverride string) TransportCredentials {
	return nil
}
