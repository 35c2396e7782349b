// Package testfileson is checked with -credpath.tests.
package testfileson

import "crypto/tls"

func Load() (tls.Certificate, error) {
	return tls.LoadX509KeyPair("server.crt", "/var/run/secrets/server.key") // want `"server.crt" is relative`
}
