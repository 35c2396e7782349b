package testfileson_test

import (
	"testing"

	"google.golang.org/grpc/credentials/oauth"
)

func TestExternal(t *testing.T) {
	oauth.NewServiceAccountFromFile("sa.json") // want `service-account key file "sa\.json" is relative; read the path from configuration`
}
