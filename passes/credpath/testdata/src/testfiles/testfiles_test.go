package testfiles

import (
	"crypto/tls"
	"testing"
)

func TestLoad(t *testing.T) {
	// Fixtures at fixed paths are fine in tests.
	if _, err := tls.LoadX509KeyPair("testdata/server.crt", "testdata/server.key"); err != nil {
		t.Fatal(err)
	}
	//grpcauthlint:ignore credpath a directive in a skipped file is not reported as unused
	tls.LoadX509KeyPair("/tmp/a.crt", "/tmp/a.key")
}
