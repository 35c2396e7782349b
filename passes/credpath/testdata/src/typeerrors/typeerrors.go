// Package typeerrors does not type-check; the pass must not panic on it.
package typeerrors

import (
	"crypto/tls"
	"os"

	"golang.org/x/oauth2/google"
	"google.golang.org/grpc/credentials/sts"
)

func f() {
	tls.LoadX509KeyPair(undefined, "k.key") // want `"k.key" is relative`
	tls.LoadX509KeyPair("only-one")         // want `"only-one" is relative`
	data, _ := os.ReadFile(missing)
	google.JWTConfigFromJSON(data)
	_ = sts.Options{NoSuchField: "/tmp/x", SubjectTokenPath: "/tmp/y"} // want `"/tmp/y"`
	var o sts.Options
	o.Nope = "/tmp/z"
	unknown.KeyFile = "/tmp/w"
	x, y := os.ReadFile("/tmp/r.json"), 1
	google.JWTConfigFromJSON(x)
	_ = y
}
