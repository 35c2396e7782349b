// Package pkgvars holds credential paths in package variables: an
// unexported variable whose declaration is its only assignment and whose
// address is never taken is as hardcoded as a constant; a flag, an
// assignment from the environment, or an exported variable (another
// package may set it) is configuration.
package pkgvars

import (
	"crypto/tls"
	"crypto/x509"
	"flag"
	"os"
	"path/filepath"

	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/oauth"
)

var crtFile = filepath.Join("..", "certs", "server.crt")

var keyFile = "/home/alice/server.key"

var (
	saFile  = "sa.json"
	saDir   = "/srv/keys"
	derived = saDir + "/derived.json"
	caFile  = "certs/ca.pem"
)

func server() {
	tls.LoadX509KeyPair(crtFile, keyFile)        // want `TLS certificate file "\.\./certs/server\.crt" is relative; read the path from configuration` `TLS private key file "/home/alice/server\.key" is in a home directory; read the path from configuration`
	oauth.NewServiceAccountFromFile(saFile)      // want `service-account key file "sa\.json" is relative; read the path from configuration`
	oauth.NewServiceAccountFromFile(derived)     // want `service-account key file "/srv/keys/derived\.json" is hardcoded; read the path from configuration`
	credentials.NewClientTLSFromFile(caFile, "") // want `CA certificate file "certs/ca\.pem" is relative; read the path from configuration`
}

var bundle = "certs/bundle.pem"

func pool() *x509.CertPool {
	pem, _ := os.ReadFile(bundle) // want `CA certificate file "certs/bundle\.pem" is relative; read the path from configuration`
	p := x509.NewCertPool()
	p.AppendCertsFromPEM(pem)
	return p
}

// Configuration, not findings.

var flagFile = "/home/alice/flag.json"

func init() {
	flag.StringVar(&flagFile, "sa", flagFile, "service-account key file")
}

var envFile = "/home/alice/env.json"

func setup() {
	if v := os.Getenv("SA_FILE"); v != "" {
		envFile = v
	}
}

var ptrFile = "/home/alice/ptr.json"

func pointer() *string { return &ptrFile }

var laterFile string

func later() { laterFile = "/home/alice/later.json" }

var ExportedFile = "/home/alice/exported.json"

var fromEnv = os.Getenv("CERT_FILE")

var inc = "/home/alice/inc.json"

func bump() { inc += ".bak" }

var a, b = pair()

func pair() (string, string) { return "/home/alice/a.json", "/home/alice/b.json" }

func configured() {
	oauth.NewServiceAccountFromFile(flagFile)
	oauth.NewServiceAccountFromFile(envFile)
	oauth.NewServiceAccountFromFile(ptrFile)
	oauth.NewServiceAccountFromFile(laterFile)
	oauth.NewServiceAccountFromFile(ExportedFile)
	tls.LoadX509KeyPair(fromEnv, inc)
	tls.LoadX509KeyPair(a, b)
}

// A local variable shadowing a package variable is the local's value.
func shadow(crtFile string) {
	tls.LoadX509KeyPair(crtFile, crtFile)
}

// Set in a test file only: the program still loads the hardcoded path.
var testSet = "/home/alice/tests.json"

func fromTests() { oauth.NewServiceAccountFromFile(testSet) } // want `service-account key file "/home/alice/tests\.json" is in a home directory; read the path from configuration`
