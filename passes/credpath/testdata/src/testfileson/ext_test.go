package testfileson_test

import (
	"testing"

	"google.golang.org/grpc/credentials/oauth"
)

func TestExternal(t *testing.T) {
	oauth.NewServiceAccountFromFile("sa.json") // want `service-account key file path "sa.json" is relative`
}
