package testfileson

import (
	"crypto/tls"
	"testing"
)

func TestLoad(t *testing.T) {
	if _, err := tls.LoadX509KeyPair("testdata/server.crt", "testdata/server.key"); err != nil { // want `"testdata/server.crt" is relative` `"testdata/server.key" is relative`
		t.Fatal(err)
	}
}
