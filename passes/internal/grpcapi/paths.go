package grpcapi

// Import paths of the APIs (without vendor prefixes: compare them with
// lintutil.PkgPath).
const (
	GRPC              = "google.golang.org/grpc"
	Metadata          = "google.golang.org/grpc/metadata"
	Credentials       = "google.golang.org/grpc/credentials"
	Insecure          = "google.golang.org/grpc/credentials/insecure"
	OAuth             = "google.golang.org/grpc/credentials/oauth"
	Codes             = "google.golang.org/grpc/codes"
	Status            = "google.golang.org/grpc/status"
	OAuth2            = "golang.org/x/oauth2"
	ClientCredentials = "golang.org/x/oauth2/clientcredentials"
	GoogleAuth        = "cloud.google.com/go/auth"
	APIOption         = "google.golang.org/api/option"
	TLS               = "crypto/tls"
	X509              = "crypto/x509"
)
