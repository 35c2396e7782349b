// Package apis imports every real package whose API the passes' tables
// name, so the suite's TestAPITablesResolve can load them and check each
// table entry against the real object. Add an import here (then
// `go mod tidy`) when a pass matches a new package.
package apis

import (
	_ "cloud.google.com/go/auth"
	_ "cloud.google.com/go/auth/credentials"
	_ "cloud.google.com/go/auth/credentials/idtoken"
	_ "connectrpc.com/connect"
	_ "crypto/tls"
	_ "github.com/grpc-ecosystem/go-grpc-middleware/auth"
	_ "github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/auth"
	_ "golang.org/x/net/http2/h2c"
	_ "golang.org/x/oauth2"
	_ "golang.org/x/oauth2/clientcredentials"
	_ "golang.org/x/oauth2/google"
	_ "golang.org/x/oauth2/jwt"
	_ "google.golang.org/api/idtoken"
	_ "google.golang.org/api/option"
	_ "google.golang.org/grpc"
	_ "google.golang.org/grpc/credentials"
	_ "google.golang.org/grpc/credentials/alts"
	_ "google.golang.org/grpc/credentials/google"
	_ "google.golang.org/grpc/credentials/insecure"
	_ "google.golang.org/grpc/credentials/jwt"
	_ "google.golang.org/grpc/credentials/local"
	_ "google.golang.org/grpc/credentials/oauth"
	_ "google.golang.org/grpc/credentials/sts"
	_ "google.golang.org/grpc/credentials/tls/certprovider/pemfile"
	_ "google.golang.org/grpc/credentials/xds"
	_ "google.golang.org/grpc/metadata"
	_ "google.golang.org/grpc/test/bufconn"
	_ "io"
	_ "io/ioutil"
	_ "net/http"
	_ "os"
	_ "path"
	_ "path/filepath"
)
