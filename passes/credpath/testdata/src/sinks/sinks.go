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
		option.WithCredentialsFile("/home/alice/key.json"),                         // want `Google credentials file path "/home/alice/key\.json" is in one user's home directory; read the path from configuration`
		option.WithAuthCredentialsFile(option.ServiceAccount, "/tmp/sa.json"),      // want `Google credentials file path "/tmp/sa\.json" is in a temporary directory; read the path from configuration`
		option.WithServiceAccountFile("sa.json"),                                   // want `service-account key file path "sa\.json" is relative; read the path from configuration`
		option.WithAuthCredentialsFile(option.ServiceAccount, "/srv/keys/sa.json"), // want `Google credentials file path "/srv/keys/sa\.json" is fixed in the code; read the path from configuration`
	}
}

func grpcCreds() {
	grpccreds.NewClientTLSFromFile("certs/ca.pem", "example.com")           // want `CA certificate file path "certs/ca\.pem" is relative; read the path from configuration`
	grpccreds.NewServerTLSFromFile("/Users/bob/server.crt", "~/server.key") // want `TLS certificate file path "/Users/bob/server.crt" is in one user's home directory` `TLS private key file path "~/server\.key" starts with "~", which Go does not expand; read the path from configuration`
	oauth.NewServiceAccountFromFile("$HOME/.config/sa.json")                // want `service-account key file path "\$HOME/\.config/sa\.json" contains \$HOME, which Go does not expand; read the path from configuration`
	oauth.NewServiceAccountFromFile("/root/sa.json", scope)                 // want `service-account key file path "/root/sa.json" is in one user's home directory`
	oauth.NewJWTAccessFromFile(`C:\Users\alice\sa.json`)                    // want `service-account key file path "C:\\\\Users\\\\alice\\\\sa.json" is in one user's home directory`
	jwt.NewTokenFileCallCredentials("/var/tmp/token.jwt")                   // want `JWT token file path "/var/tmp/token.jwt" is in a temporary directory`
	sts.NewCredentials(sts.Options{
		TokenExchangeServiceURI: "https://sts.example.com/v1/token", // not a path
		SubjectTokenPath:        "/etc/sts/subject.jwt",             // want `STS subject token file path "/etc/sts/subject.jwt" is fixed in the code`
		SubjectTokenType:        "urn:ietf:params:oauth:token-type:jwt",
		ActorTokenPath:          "actor.jwt", // want `STS actor token file path "actor.jwt" is relative`
	})
	_ = pemfile.Options{
		CertFile:            "/home/ci/tls/cert.pem",    // want `TLS certificate file path "/home/ci/tls/cert.pem" is in one user's home directory`
		KeyFile:             "/home/ci/tls/key.pem",     // want `TLS private key file path "/home/ci/tls/key.pem" is in one user's home directory`
		RootFile:            "/home/ci/tls/roots.pem",   // want `CA certificate file path "/home/ci/tls/roots.pem" is in one user's home directory`
		SPIFFEBundleMapFile: "/home/ci/tls/spiffe.json", // want `SPIFFE bundle map file path "/home/ci/tls/spiffe.json" is in one user's home directory`
	}
	var o pemfile.Options
	o.KeyFile = "key.pem"                                                          // want `TLS private key file path "key.pem" is relative`
	_ = &sts.Options{"https://sts", "", "", "", "", "/tmp/subject", "jwt", "", ""} // want `STS subject token file path "/tmp/subject" is in a temporary directory`
}

func stdlib() {
	tls.LoadX509KeyPair("server.crt", "/etc/ssl/private/server.key") // want `TLS certificate file path "server.crt" is relative` `TLS private key file path "/etc/ssl/private/server.key" is fixed in the code; read the path from configuration$`
}

func cloudAuth() {
	credentials.NewCredentialsFromFile(credentials.ServiceAccount, "/home/alice/sa.json", nil) // want `Google credentials file path "/home/alice/sa.json" is in one user's home directory`
	credentials.DetectDefault(&credentials.DetectOptions{
		Scopes:          []string{scope},
		CredentialsFile: "sa.json", // want `Google credentials file path "sa.json" is relative; read the path from configuration$`
	})
	idtoken.NewCredentialsFromFile(credentials.ServiceAccount, "/tmp/id.json", nil) // want `Google credentials file path "/tmp/id.json" is in a temporary directory`
	idtoken.NewCredentials(&idtoken.Options{
		Audience:        "https://example.com",
		CredentialsFile: "/home/alice/id.json", // want `Google credentials file path "/home/alice/id.json" is in one user's home directory`
	})
	opts := &credentials.DetectOptions{}
	opts.CredentialsFile = "/opt/app/sa.json" // want `Google credentials file path "/opt/app/sa.json" is fixed in the code`
	credentials.DetectDefault(opts)
}

func setenv(ctx context.Context) {
	os.Setenv("GOOGLE_APPLICATION_CREDENTIALS", "/home/alice/sa.json") // want `GOOGLE_APPLICATION_CREDENTIALS path "/home/alice/sa\.json" is in one user's home directory; set the variable outside the program`
	os.Setenv("OTHER_FILE", "/home/alice/other.json")                  // other variables are not credentials
	os.Setenv("GOOGLE_APPLICATION_CREDENTIALS", os.Getenv("SA_FILE"))  // configuration
}
