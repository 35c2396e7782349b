// Package consts uses credential paths declared as constants in another
// package, constant expressions, and local variables assigned once.
package consts

import (
	"crypto/tls"
	"flag"
	"os"

	"consts/paths"

	"google.golang.org/grpc/credentials/oauth"
)

const local = paths.Dir + "/local.json"

type keyPath string

const typed keyPath = "/tmp/typed.json"

func fromOtherPackage() {
	oauth.NewServiceAccountFromFile(paths.KeyFile)          // want `service-account key file "/home/deploy/creds/sa\.json" is in a home directory; read the path from configuration`
	oauth.NewServiceAccountFromFile(local)                  // want `"/home/deploy/creds/local.json"`
	oauth.NewJWTAccessFromFile(string(typed))               // want `"/tmp/typed.json" is in a temporary directory`
	tls.LoadX509KeyPair(paths.TLSCert, "tls/"+"server.key") // want `TLS certificate file "tls/server\.crt" is relative; read the path from configuration` `TLS private key file "tls/server\.key" is relative; read the path from configuration`
	oauth.NewServiceAccountFromFile(paths.Var)              // package variable: may be set with -ldflags -X
}

func localVariables() {
	keyFile := "/home/alice/sa.json"
	oauth.NewServiceAccountFromFile(keyFile) // want `"/home/alice/sa.json"`

	var certFile, keyFile2 = "cert.pem", "key.pem"
	tls.LoadX509KeyPair(certFile, keyFile2) // want `"cert.pem"` `"key.pem"`
}

var keyFlag = flag.String("key", "/home/alice/sa.json", "key file")

func configuration(param string) {
	oauth.NewServiceAccountFromFile(*keyFlag)              // flag value (and its default): configuration
	oauth.NewServiceAccountFromFile(os.Getenv("KEY_FILE")) // environment
	oauth.NewServiceAccountFromFile(param)                 // parameter

	def := "/home/alice/sa.json"
	if v := os.Getenv("KEY_FILE"); v != "" {
		def = v // assigned twice: the constant is a default
	}
	oauth.NewServiceAccountFromFile(def)

	var fromFlag string
	flag.StringVar(&fromFlag, "sa", "/home/alice/sa.json", "key file")
	fromFlag = "/home/alice/sa.json"
	oauth.NewServiceAccountFromFile(fromFlag) // address taken: a flag may set it

	param = "/home/alice/override.json"
	oauth.NewServiceAccountFromFile(param) // a parameter stays configuration

	var cfg struct{ KeyFile string }
	cfg.KeyFile = "/home/alice/sa.json"
	oauth.NewServiceAccountFromFile(cfg.KeyFile) // struct field: configuration
	oauth.NewServiceAccountFromFile("")          // empty: nothing loaded from a path
}
