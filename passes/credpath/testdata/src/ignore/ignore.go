// Package ignore silences findings with //grpcauthlint:ignore.
package ignore

import (
	"crypto/tls"

	"google.golang.org/grpc/credentials/oauth"
)

func f() {
	//grpcauthlint:ignore credpath the dev server reads its key from the checkout
	tls.LoadX509KeyPair("dev.crt", "dev.key")

	oauth.NewServiceAccountFromFile("/home/alice/sa.json") //grpcauthlint:ignore credpath,dialcreds local tool, never deployed

	//grpcauthlint:ignore dialcreds another pass: does not silence credpath
	oauth.NewServiceAccountFromFile("/tmp/sa.json") // want `"/tmp/sa.json" is in a temporary directory`

	// want +1 `directive for credpath needs a reason`
	//grpcauthlint:ignore credpath
	oauth.NewServiceAccountFromFile("/tmp/b.json") // want `"/tmp/b.json" is in a temporary directory`

	//grpcauthlint:ignore credpath nothing to silence here // want `directive for credpath silences nothing`
	oauth.NewServiceAccountFromFile("/var/run/secrets/sa.json")
}
