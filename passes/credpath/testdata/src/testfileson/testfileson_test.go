package testfileson

import (
	"crypto/tls"
	"testing"
)

func TestLoad(t *testing.T) {
	if _, err := tls.LoadX509KeyPair("/home/ci/server.crt", "certs/server.key"); err != nil { // want `TLS certificate file "/home/ci/server\.crt" is in a home directory; read the path from configuration` `"certs/server.key" is relative`
		t.Fatal(err)
	}
	// Fixtures in testdata are resolved from the package directory.
	tls.LoadX509KeyPair("testdata/server.crt", "./testdata/x509/server.key")
}

func TestDirective(t *testing.T) {
	//grpcauthlint:ignore credpath a fixture outside testdata, on purpose
	tls.LoadX509KeyPair("/tmp/a.crt", "/tmp/a.key")
}
