package grpcapi

// Import paths of the libraries that load credential files (credpath's
// tables), beside the ones in paths.go.
const (
	JWT               = "google.golang.org/grpc/credentials/jwt"
	STS               = "google.golang.org/grpc/credentials/sts"
	PEMFile           = "google.golang.org/grpc/credentials/tls/certprovider/pemfile"
	GoogleCredentials = "google.golang.org/grpc/credentials/google"
	AuthCredentials   = "cloud.google.com/go/auth/credentials"
	AuthIDToken       = "cloud.google.com/go/auth/credentials/idtoken"
	OAuth2Google      = "golang.org/x/oauth2/google"
	OAuth2JWT         = "golang.org/x/oauth2/jwt"
)
