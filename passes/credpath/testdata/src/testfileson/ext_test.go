package testfileson_test

import (
	"testing"

	"google.golang.org/grpc/credentials/oauth"
)

func TestExternal(t *testing.T) {
	oauth.NewServiceAccountFromFile("testdata/sa.json") // want `service-account key file path "testdata/sa.json" is relative`
}
