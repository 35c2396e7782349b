// Package credfiles loads credential files with real grpc-go: hardcoded
// paths are reported by credpath, configured ones are not.
package credfiles

import (
	"crypto/tls"
	"flag"
	"os"
	"path/filepath"

	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/oauth"
	"google.golang.org/grpc/credentials/tls/certprovider/pemfile"
)

const scope = "https://www.googleapis.com/auth/cloud-platform"

var keyFile = flag.String("key-file", "/home/alice/sa.json", "service-account key file")

func ServiceAccount() (credentials.PerRPCCredentials, error) {
	if *keyFile != "" {
		return oauth.NewServiceAccountFromFile(*keyFile, scope) // a flag (and its default) is configuration
	}
	return oauth.NewServiceAccountFromFile("/home/alice/sa.json", scope) // want "credpath: service-account key file \"/home/alice/sa.json\" is in a home directory; read the path from configuration"
}

func Server() (credentials.TransportCredentials, error) {
	return credentials.NewServerTLSFromFile("server.crt", filepath.Join("/tmp", "server.key")) // want "credpath: TLS certificate file \"server.crt\" is relative; read the path from configuration" "credpath: TLS private key file \"/tmp/server.key\" is in a temporary directory; read the path from configuration"
}

func Client() (credentials.TransportCredentials, error) {
	return credentials.NewClientTLSFromFile("/etc/ssl/certs/ca-certificates.crt", "api.example.com") // system CA bundle
}

func Mounted() (tls.Certificate, error) {
	return tls.LoadX509KeyPair("/var/run/secrets/tls/tls.crt", "/var/run/secrets/tls/tls.key") // orchestrator mount
}

func Provider() pemfile.Options {
	return pemfile.Options{CertFile: "certs/cert.pem", KeyFile: os.Getenv("TLS_KEY_FILE")} // want "credpath: TLS certificate file \"certs/cert.pem\" is relative; read the path from configuration"
}

func Parsed() (credentials.PerRPCCredentials, error) {
	key, err := os.ReadFile("/home/alice/sa.json") // want "credpath: service-account key file \"/home/alice/sa.json\" is in a home directory; read the path from configuration"
	if err != nil {
		return nil, err
	}
	return oauth.NewServiceAccountFromKey(key, scope)
}

func ADC() {
	os.Setenv("GOOGLE_APPLICATION_CREDENTIALS", "sa.json") // want "credpath: GOOGLE_APPLICATION_CREDENTIALS path \"sa.json\" is relative; set the variable outside the program"
}

func Ignored() (tls.Certificate, error) {
	//grpcauthlint:ignore credpath local development server only
	return tls.LoadX509KeyPair("dev.crt", "dev.key")
}
