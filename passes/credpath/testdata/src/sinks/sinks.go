// Package sinks calls every credential-file parameter and sets every
// credential-file field with a constant path.
package sinks

import (
	"context"
	"crypto/tls"
	"os"

	"cloud.google.com/go/auth/credentials"
	"cloud.google.com/go/auth/credentials/idtoken"
	"google.golang.org/api/option"
	grpccreds "google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/jwt"
	"google.golang.org/grpc/credentials/oauth"
	"google.golang.org/grpc/credentials/sts"
	"google.golang.org/grpc/credentials/tls/certprovider/pemfile"
)

const scope = "https://www.googleapis.com/auth/cloud-platform"

func apiOptions() []option.ClientOption {
	return []option.ClientOption{
		option.WithCredentialsFile("/home/alice/key.json"),                         // want `Google credentials file "/home/alice/key\.json" is in a home directory; read the path from configuration`
		option.WithAuthCredentialsFile(option.ServiceAccount, "/tmp/sa.json"),      // want `Google credentials file "/tmp/sa\.json" is in a temporary directory; read the path from configuration`
		option.WithServiceAccountFile("sa.json"),                                   // want `service-account key file "sa\.json" is relative; read the path from configuration`
		option.WithAuthCredentialsFile(option.ServiceAccount, "/srv/keys/sa.json"), // want `Google credentials file "/srv/keys/sa\.json" is hardcoded; read the path from configuration`
	}
}

func grpcCreds() {
	grpccreds.NewClientTLSFromFile("certs/ca.pem", "example.com")           // want `CA certificate file "certs/ca\.pem" is relative; read the path from configuration`
	grpccreds.NewServerTLSFromFile("/Users/bob/server.crt", "~/server.key") // want `TLS certificate file "/Users/bob/server\.crt" is in a home directory; read the path from configuration` `TLS private key file "~/server\.key" starts with "~", which Go does not expand; read the path from configuration`
	oauth.NewServiceAccountFromFile("$HOME/.config/sa.json")                // want `service-account key file "\$HOME/\.config/sa\.json" contains \$HOME, which Go does not expand; read the path from configuration`
	oauth.NewServiceAccountFromFile("/root/sa.json", scope)                 // want `service-account key file "/root/sa\.json" is in a home directory; read the path from configuration`
	oauth.NewJWTAccessFromFile(`C:\Users\alice\sa.json`)                    // want `service-account key file "C:\\\\Users\\\\alice\\\\sa\.json" is in a home directory; read the path from configuration`
	jwt.NewTokenFileCallCredentials("/var/tmp/token.jwt")                   // want `JWT token file "/var/tmp/token\.jwt" is in a temporary directory; read the path from configuration`
	sts.NewCredentials(sts.Options{
		TokenExchangeServiceURI: "https://sts.example.com/v1/token", // not a path
		SubjectTokenPath:        "/etc/sts/subject.jwt",             // want `STS subject token file "/etc/sts/subject\.jwt" is hardcoded; read the path from configuration`
		SubjectTokenType:        "urn:ietf:params:oauth:token-type:jwt",
		ActorTokenPath:          "actor.jwt", // want `STS actor token file "actor\.jwt" is relative; read the path from configuration`
	})
	_ = pemfile.Options{
		CertFile:            "/home/ci/tls/cert.pem",    // want `TLS certificate file "/home/ci/tls/cert\.pem" is in a home directory; read the path from configuration`
		KeyFile:             "/home/ci/tls/key.pem",     // want `TLS private key file "/home/ci/tls/key\.pem" is in a home directory; read the path from configuration`
		RootFile:            "/home/ci/tls/roots.pem",   // want `CA certificate file "/home/ci/tls/roots\.pem" is in a home directory; read the path from configuration`
		SPIFFEBundleMapFile: "/home/ci/tls/spiffe.json", // want `SPIFFE bundle map file "/home/ci/tls/spiffe\.json" is in a home directory; read the path from configuration`
	}
	var o pemfile.Options
	o.KeyFile = "key.pem"                                                          // want `TLS private key file "key\.pem" is relative; read the path from configuration`
	_ = &sts.Options{"https://sts", "", "", "", "", "/tmp/subject", "jwt", "", ""} // want `STS subject token file "/tmp/subject" is in a temporary directory; read the path from configuration`
}

func stdlib() {
	tls.LoadX509KeyPair("server.crt", "/etc/ssl/private/server.key") // want `TLS certificate file "server\.crt" is relative; read the path from configuration` `TLS private key file "/etc/ssl/private/server\.key" is hardcoded; read the path from configuration`
}

func cloudAuth() {
	credentials.NewCredentialsFromFile(credentials.ServiceAccount, "/home/alice/sa.json", nil) // want `Google credentials file "/home/alice/sa\.json" is in a home directory; read the path from configuration`
	credentials.DetectDefault(&credentials.DetectOptions{
		Scopes:          []string{scope},
		CredentialsFile: "sa.json", // want `Google credentials file "sa\.json" is relative; read the path from configuration`
	})
	idtoken.NewCredentialsFromFile(credentials.ServiceAccount, "/tmp/id.json", nil) // want `Google credentials file "/tmp/id\.json" is in a temporary directory; read the path from configuration`
	idtoken.NewCredentials(&idtoken.Options{
		Audience:        "https://example.com",
		CredentialsFile: "/home/alice/id.json", // want `Google credentials file "/home/alice/id\.json" is in a home directory; read the path from configuration`
	})
	opts := &credentials.DetectOptions{}
	opts.CredentialsFile = "/opt/app/sa.json" // want `Google credentials file "/opt/app/sa\.json" is hardcoded; read the path from configuration`
	credentials.DetectDefault(opts)
}

func setenv(ctx context.Context) {
	os.Setenv("GOOGLE_APPLICATION_CREDENTIALS", "/home/alice/sa.json") // want `GOOGLE_APPLICATION_CREDENTIALS path "/home/alice/sa\.json" is in a home directory; set the variable outside the program`
	os.Setenv("OTHER_FILE", "/home/alice/other.json")                  // other variables are not credentials
	os.Setenv("GOOGLE_APPLICATION_CREDENTIALS", os.Getenv("SA_FILE"))  // configuration
}
