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
		option.WithCredentialsFile("/home/alice/key.json"),                         // want `^hardcoded Google credentials file path "/home/alice/key.json" is in one user's home directory: the file exists only on that machine and loading fails everywhere else; read the path from a flag, an environment variable or config, or use Application Default Credentials$`
		option.WithAuthCredentialsFile(option.ServiceAccount, "/tmp/sa.json"),      // want `^hardcoded Google credentials file path "/tmp/sa.json" is in a temporary directory: the file is missing on every other machine and after a reboot or cleanup; read the path from a flag, an environment variable or config, or use Application Default Credentials$`
		option.WithServiceAccountFile("sa.json"),                                   // want `^hardcoded service-account key file path "sa.json" is relative: it resolves against the working directory and loading fails when the program starts elsewhere; read the path from a flag, an environment variable or config, or use Application Default Credentials$`
		option.WithAuthCredentialsFile(option.ServiceAccount, "/srv/keys/sa.json"), // want `^hardcoded Google credentials file path "/srv/keys/sa.json" is fixed in the code: loading fails wherever the file is deployed at another path; read the path from a flag, an environment variable or config, or use Application Default Credentials$`
	}
}

func grpcCreds() {
	grpccreds.NewClientTLSFromFile("certs/ca.pem", "example.com")           // want `^hardcoded CA certificate file path "certs/ca.pem" is relative: .*; read the path from a flag, an environment variable or config$`
	grpccreds.NewServerTLSFromFile("/Users/bob/server.crt", "~/server.key") // want `hardcoded TLS certificate file path "/Users/bob/server.crt" is in one user's home directory` `hardcoded TLS private key file path "~/server.key" starts with "~", which Go does not expand: it is a relative path and loading fails; read the path from a flag, an environment variable or config$`
	oauth.NewServiceAccountFromFile("$HOME/.config/sa.json")                // want `^hardcoded service-account key file path "\$HOME/.config/sa.json" contains \$HOME, which Go does not expand: the path is taken literally and loading fails; read the path from a flag, an environment variable or config, or use Application Default Credentials$`
	oauth.NewServiceAccountFromFile("/root/sa.json", scope)                 // want `hardcoded service-account key file path "/root/sa.json" is in one user's home directory`
	oauth.NewJWTAccessFromFile(`C:\Users\alice\sa.json`)                    // want `hardcoded service-account key file path "C:\\\\Users\\\\alice\\\\sa.json" is in one user's home directory`
	jwt.NewTokenFileCallCredentials("/var/tmp/token.jwt")                   // want `hardcoded JWT token file path "/var/tmp/token.jwt" is in a temporary directory`
	sts.NewCredentials(sts.Options{
		TokenExchangeServiceURI: "https://sts.example.com/v1/token", // not a path
		SubjectTokenPath:        "/etc/sts/subject.jwt",             // want `hardcoded STS subject token file path "/etc/sts/subject.jwt" is fixed in the code`
		SubjectTokenType:        "urn:ietf:params:oauth:token-type:jwt",
		ActorTokenPath:          "actor.jwt", // want `hardcoded STS actor token file path "actor.jwt" is relative`
	})
	_ = pemfile.Options{
		CertFile:            "/home/ci/tls/cert.pem",    // want `hardcoded TLS certificate file path "/home/ci/tls/cert.pem" is in one user's home directory`
		KeyFile:             "/home/ci/tls/key.pem",     // want `hardcoded TLS private key file path "/home/ci/tls/key.pem" is in one user's home directory`
		RootFile:            "/home/ci/tls/roots.pem",   // want `hardcoded CA certificate file path "/home/ci/tls/roots.pem" is in one user's home directory`
		SPIFFEBundleMapFile: "/home/ci/tls/spiffe.json", // want `hardcoded SPIFFE bundle map file path "/home/ci/tls/spiffe.json" is in one user's home directory`
	}
	var o pemfile.Options
	o.KeyFile = "key.pem"                                                          // want `hardcoded TLS private key file path "key.pem" is relative`
	_ = &sts.Options{"https://sts", "", "", "", "", "/tmp/subject", "jwt", "", ""} // want `hardcoded STS subject token file path "/tmp/subject" is in a temporary directory`
}

func stdlib() {
	tls.LoadX509KeyPair("server.crt", "/etc/ssl/private/server.key") // want `hardcoded TLS certificate file path "server.crt" is relative` `hardcoded TLS private key file path "/etc/ssl/private/server.key" is fixed in the code: .*; read the path from a flag, an environment variable or config$`
}

func cloudAuth() {
	credentials.NewCredentialsFromFile(credentials.ServiceAccount, "/home/alice/sa.json", nil) // want `hardcoded Google credentials file path "/home/alice/sa.json" is in one user's home directory`
	credentials.DetectDefault(&credentials.DetectOptions{
		Scopes:          []string{scope},
		CredentialsFile: "sa.json", // want `hardcoded Google credentials file path "sa.json" is relative: .*, or use Application Default Credentials$`
	})
	idtoken.NewCredentialsFromFile(credentials.ServiceAccount, "/tmp/id.json", nil) // want `hardcoded Google credentials file path "/tmp/id.json" is in a temporary directory`
	idtoken.NewCredentials(&idtoken.Options{
		Audience:        "https://example.com",
		CredentialsFile: "/home/alice/id.json", // want `hardcoded Google credentials file path "/home/alice/id.json" is in one user's home directory`
	})
	opts := &credentials.DetectOptions{}
	opts.CredentialsFile = "/opt/app/sa.json" // want `hardcoded Google credentials file path "/opt/app/sa.json" is fixed in the code`
	credentials.DetectDefault(opts)
}

func setenv(ctx context.Context) {
	os.Setenv("GOOGLE_APPLICATION_CREDENTIALS", "/home/alice/sa.json") // want `^hardcoded Google credentials file path "/home/alice/sa.json" set in GOOGLE_APPLICATION_CREDENTIALS is in one user's home directory: .*; set GOOGLE_APPLICATION_CREDENTIALS in the environment the program runs in, not in code$`
	os.Setenv("OTHER_FILE", "/home/alice/other.json")                  // other variables are not credentials
	os.Setenv("GOOGLE_APPLICATION_CREDENTIALS", os.Getenv("SA_FILE"))  // configuration
}
