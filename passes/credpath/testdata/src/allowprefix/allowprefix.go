// Package allowprefix is checked with -credpath.allow-prefix
// /vault/secrets and -credpath.allow-prefix deploy/certs/.
package allowprefix

import (
	"crypto/tls"

	"google.golang.org/grpc/credentials/oauth"
)

func f() {
	oauth.NewServiceAccountFromFile("/vault/secrets/sa.json")
	tls.LoadX509KeyPair("deploy/certs/tls.crt", "./deploy/certs/tls.key")
	oauth.NewServiceAccountFromFile("/var/run/secrets/sa.json") // the defaults stay

	oauth.NewServiceAccountFromFile("/vault/secrets2/sa.json")     // want `"/vault/secrets2/sa.json"`
	tls.LoadX509KeyPair("deploy/tls.crt", "/deploy/certs/tls.key") // want `"deploy/tls.crt" is relative` `TLS private key file "/deploy/certs/tls\.key" is hardcoded; read the path from configuration`
}
