// Package exempt holds hardcoded paths that are fine.
package exempt

import (
	"crypto/tls"
	"os"

	"golang.org/x/oauth2/google"
	"google.golang.org/api/option"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/oauth"
	"google.golang.org/grpc/credentials/tls/certprovider/pemfile"
)

func mounts() {
	// Orchestrator mount points, fixed by design.
	oauth.NewServiceAccountFromFile("/var/run/secrets/gcp/sa.json")
	tls.LoadX509KeyPair("/run/secrets/tls.crt", "/run/secrets/tls.key")
	option.WithCredentialsFile("/var/run/secrets/kubernetes.io/serviceaccount/token")
	data, _ := os.ReadFile("/run/secrets/sa.json")
	google.JWTConfigFromJSON(data)
	os.Setenv("GOOGLE_APPLICATION_CREDENTIALS", "/var/run/secrets/google/key.json")

	// Not a prefix on a path element boundary.
	oauth.NewServiceAccountFromFile("/var/run/secrets-old/sa.json") // want `service-account key file "/var/run/secrets-old/sa\.json" is hardcoded; read the path from configuration`
	// Cleaned before matching.
	oauth.NewServiceAccountFromFile("/run/secrets/../../home/alice/sa.json") // want `service-account key file "/run/secrets/\.\./\.\./home/alice/sa\.json" is in a home directory; read the path from configuration`
}

func fixtures() {
	// Relative paths into testdata are test fixtures, also in test helpers
	// outside _test.go files.
	tls.LoadX509KeyPair("testdata/x509/server.crt", "../internal/testdata/server.key")
	oauth.NewServiceAccountFromFile("/srv/testdata/sa.json") // want `service-account key file "/srv/testdata/sa\.json" is hardcoded; read the path from configuration`
	oauth.NewServiceAccountFromFile("testdatax/sa.json")     // want `"testdatax/sa.json" is relative`
}

func systemCA() {
	// System CA bundles as the CA file: the standard location.
	credentials.NewClientTLSFromFile("/etc/ssl/certs/ca-certificates.crt", "")
	credentials.NewClientTLSFromFile("/etc/pki/tls/certs/ca-bundle.crt", "")
	_ = pemfile.Options{RootFile: "/etc/ssl/cert.pem"}

	// Only for the CA file: keys and certificates there are reported.
	credentials.NewServerTLSFromFile("/etc/ssl/certs/server.crt", "/etc/pki/tls/private/server.key") // want `TLS certificate file "/etc/ssl/certs/server\.crt" is hardcoded; read the path from configuration` `TLS private key file "/etc/pki/tls/private/server\.key" is hardcoded; read the path from configuration`
	_ = pemfile.Options{
		CertFile: "/etc/ssl/certs/client.crt",   // want `TLS certificate file "/etc/ssl/certs/client\.crt" is hardcoded; read the path from configuration`
		KeyFile:  "/etc/ssl/private/client.key", // want `TLS private key file "/etc/ssl/private/client\.key" is hardcoded; read the path from configuration`
	}
	// The second argument of NewClientTLSFromFile is a server name.
	credentials.NewClientTLSFromFile("/etc/ssl/certs/ca.pem", "/home/alice/not-a-path")
	// A CA file elsewhere is reported.
	credentials.NewClientTLSFromFile("/opt/ca.pem", "") // want `CA certificate file "/opt/ca\.pem" is hardcoded; read the path from configuration`
}
