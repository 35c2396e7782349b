// Package creds loads credential files with the real grpc-go, oauth2, api
// and cloud auth modules.
package creds

import (
	"context"
	"crypto/tls"
	"flag"
	"os"
	"path/filepath"

	"cloud.google.com/go/auth/credentials"
	"golang.org/x/oauth2/google"
	"google.golang.org/api/option"
	grpccreds "google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/oauth"
	"google.golang.org/grpc/credentials/tls/certprovider/pemfile"
)

const scope = "https://www.googleapis.com/auth/cloud-platform"

var keyFile = flag.String("key-file", "/home/alice/sa.json", "service-account key file")

func ServiceAccount() error {
	_, err := oauth.NewServiceAccountFromFile("/home/alice/sa.json", scope) // want "credpath: service-account key file \"/home/alice/sa.json\" is in a home directory; read the path from configuration"
	if err != nil {
		return err
	}
	_, err = oauth.NewServiceAccountFromFile(*keyFile, scope) // a flag: configuration
	return err
}

func Server() (grpccreds.TransportCredentials, error) {
	return grpccreds.NewServerTLSFromFile("server.crt", filepath.Join("/tmp", "server.key")) // want "credpath: TLS certificate file \"server.crt\" is relative; read the path from configuration" "credpath: TLS private key file \"/tmp/server.key\" is in a temporary directory; read the path from configuration"
}

func Client() (grpccreds.TransportCredentials, error) {
	return grpccreds.NewClientTLSFromFile("/etc/ssl/certs/ca-certificates.crt", "api.example.com") // system CA bundle
}

func Pair() (tls.Certificate, error) {
	return tls.LoadX509KeyPair("/var/run/secrets/tls/tls.crt", "/var/run/secrets/tls/tls.key") // secrets mount
}

func Provider() pemfile.Options {
	return pemfile.Options{KeyFile: "certs/key.pem", CertFile: "certs/cert.pem"} // want "credpath: TLS private key file \"certs/key.pem\" is relative; read the path from configuration" "credpath: TLS certificate file \"certs/cert.pem\" is relative; read the path from configuration"
}

func Parsed(ctx context.Context) (*google.Credentials, error) {
	data, err := os.ReadFile("/home/alice/sa.json") // want "credpath: Google credentials file \"/home/alice/sa.json\" is in a home directory; read the path from configuration"
	if err != nil {
		return nil, err
	}
	return google.CredentialsFromJSON(ctx, data, scope)
}

func API() []option.ClientOption {
	os.Setenv("GOOGLE_APPLICATION_CREDENTIALS", "sa.json")                                                     // want "credpath: GOOGLE_APPLICATION_CREDENTIALS path \"sa.json\" is relative; set the variable outside the program"
	return []option.ClientOption{option.WithAuthCredentialsFile(option.ServiceAccount, "/home/alice/sa.json")} // want "credpath: Google credentials file \"/home/alice/sa.json\" is in a home directory; read the path from configuration"
}

func Detect() {
	credentials.DetectDefault(&credentials.DetectOptions{Scopes: []string{scope}, CredentialsFile: os.Getenv("SA_FILE")}) // environment: configuration
}
