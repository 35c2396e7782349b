// Package testfiles is checked with the default configuration: its
// _test.go files are skipped.
package testfiles

import "crypto/tls"

func Load() (tls.Certificate, error) {
	return tls.LoadX509KeyPair("server.crt", "server.key") // want `"server.crt" is relative` `"server.key" is relative`
}
