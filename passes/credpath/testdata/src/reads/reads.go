// Package reads reads credential files from constant paths and parses
// their bytes in the same function.
package reads

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"io"
	"io/ioutil"
	"os"
	"path/filepath"

	"cloud.google.com/go/auth/credentials"
	"cloud.google.com/go/auth/credentials/idtoken"
	"golang.org/x/oauth2/google"
	"golang.org/x/oauth2/jwt"
	"google.golang.org/api/option"
	"google.golang.org/grpc/credentials/oauth"
)

const scope = "https://www.googleapis.com/auth/cloud-platform"

func oauth2Google(ctx context.Context) error {
	data, err := os.ReadFile("/home/alice/sa.json") // want `Google credentials file "/home/alice/sa\.json" is in a home directory; read the path from configuration`
	if err != nil {
		return err
	}
	_, err = google.CredentialsFromJSON(ctx, data, scope)
	return err
}

func variants(ctx context.Context) {
	a, _ := os.ReadFile("/tmp/a.json") // want `Google credentials file "/tmp/a\.json" is in a temporary directory; read the path from configuration`
	google.CredentialsFromJSONWithParams(ctx, a, google.CredentialsParams{})
	b, _ := ioutil.ReadFile("b.json") // want `Google credentials file "b\.json" is relative; read the path from configuration`
	google.CredentialsFromJSONWithType(ctx, b, google.ServiceAccount)
	c, _ := os.ReadFile("/tmp/c.json") // want `Google credentials file "/tmp/c\.json" is in a temporary directory; read the path from configuration`
	google.CredentialsFromJSONWithTypeAndParams(ctx, c, google.ServiceAccount, google.CredentialsParams{})
	d, _ := os.ReadFile("/tmp/d.json") // want `service-account key file "/tmp/d\.json" is in a temporary directory; read the path from configuration`
	google.JWTConfigFromJSON(d, scope)
	e, _ := os.ReadFile("/tmp/client_secret.json") // want `OAuth client secret file "/tmp/client_secret\.json" is in a temporary directory; read the path from configuration`
	google.ConfigFromJSON(e, scope)
	f, _ := os.ReadFile("/tmp/f.json") // want `service-account key file "/tmp/f\.json" is in a temporary directory; read the path from configuration`
	google.JWTAccessTokenSourceFromJSON(f, "https://example.com/")
	g, _ := os.ReadFile("/tmp/g.json") // want `service-account key file "/tmp/g\.json" is in a temporary directory; read the path from configuration`
	google.JWTAccessTokenSourceWithScope(g, scope)
	h, _ := os.ReadFile("/tmp/h.pem") // want `JWT signing key file "/tmp/h\.pem" is in a temporary directory; read the path from configuration`
	_ = &jwt.Config{Email: "sa@example.iam.gserviceaccount.com", PrivateKey: h}
}

func grpcOAuth() {
	k, _ := os.ReadFile("/tmp/k.json") // want `service-account key file "/tmp/k\.json" is in a temporary directory; read the path from configuration`
	oauth.NewServiceAccountFromKey(k, scope)
	j, _ := os.ReadFile("/tmp/j.json") // want `service-account key file "/tmp/j\.json" is in a temporary directory; read the path from configuration`
	oauth.NewJWTAccessFromKey(j)
}

func apiOption() []option.ClientOption {
	a, _ := os.ReadFile("/tmp/a.json") // want `Google credentials file "/tmp/a\.json" is in a temporary directory; read the path from configuration`
	b, _ := os.ReadFile("/tmp/b.json") // want `Google credentials file "/tmp/b\.json" is in a temporary directory; read the path from configuration`
	return []option.ClientOption{option.WithCredentialsJSON(a), option.WithAuthCredentialsJSON(option.ServiceAccount, b)}
}

func tlsPair() (tls.Certificate, error) {
	certPEM, err := os.ReadFile("server.crt") // want `TLS certificate file "server\.crt" is relative; read the path from configuration`
	if err != nil {
		return tls.Certificate{}, err
	}
	keyPEM, err := os.ReadFile(filepath.Join("/home/alice", "server.key")) // want `TLS private key file "/home/alice/server\.key" is in a home directory; read the path from configuration`
	if err != nil {
		return tls.Certificate{}, err
	}
	return tls.X509KeyPair(certPEM, keyPEM)
}

func cloudAuth() {
	a, _ := os.ReadFile("/tmp/a.json") // want `Google credentials file "/tmp/a\.json" is in a temporary directory; read the path from configuration`
	credentials.NewCredentialsFromJSON(credentials.ServiceAccount, a, nil)
	b, _ := os.ReadFile("/tmp/b.json") // want `Google credentials file "/tmp/b\.json" is in a temporary directory; read the path from configuration`
	idtoken.NewCredentialsFromJSON(credentials.ServiceAccount, b, nil)
	c, _ := os.ReadFile("/tmp/c.json") // want `Google credentials file "/tmp/c\.json" is in a temporary directory; read the path from configuration`
	credentials.DetectDefault(&credentials.DetectOptions{CredentialsJSON: c})
	d, _ := os.ReadFile("/tmp/d.json") // want `Google credentials file "/tmp/d\.json" is in a temporary directory; read the path from configuration`
	opts := &idtoken.Options{}
	opts.CredentialsJSON = d
	idtoken.NewCredentials(opts)
}

func openReadAll(ctx context.Context) error {
	f, err := os.Open("/tmp/sa.json") // want `Google credentials file "/tmp/sa\.json" is in a temporary directory; read the path from configuration`
	if err != nil {
		return err
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return err
	}
	_, err = google.CredentialsFromJSON(ctx, data)
	return err
}

func openFileIoutil() {
	f, _ := os.OpenFile("key.json", os.O_RDONLY, 0) // want `service-account key file "key\.json" is relative; read the path from configuration`
	data, _ := ioutil.ReadAll(f)
	oauth.NewJWTAccessFromKey(data)
}

func conversions(ctx context.Context) {
	raw, _ := os.ReadFile("/tmp/sa.json") // want `Google credentials file "/tmp/sa\.json" is in a temporary directory; read the path from configuration`
	s := string(raw)
	google.CredentialsFromJSON(ctx, []byte(s)[:])
}

func elsewhere(ctx context.Context) error {
	// Bytes that reach no credential parser are not a finding.
	cfg, err := os.ReadFile("/home/alice/config.json")
	if err != nil {
		return err
	}
	var v map[string]any
	if err := json.Unmarshal(cfg, &v); err != nil {
		return err
	}
	// A configured path is fine.
	key, _ := os.ReadFile(os.Getenv("SA_FILE"))
	google.CredentialsFromJSON(ctx, key)

	// Bytes assigned twice may come from configuration.
	sa, _ := os.ReadFile("/home/alice/sa.json")
	if env := os.Getenv("SA_JSON"); env != "" {
		sa = []byte(env)
	}
	google.CredentialsFromJSON(ctx, sa)

	// A file opened from a constant path but read elsewhere.
	f, _ := os.Open("/home/alice/sa.json")
	other, _ := os.Open(os.Getenv("SA_FILE"))
	data, _ := io.ReadAll(other)
	google.CredentialsFromJSON(ctx, data)
	f.Close()
	return nil
}

func otherFunction(ctx context.Context, data []byte) {
	google.CredentialsFromJSON(ctx, data) // bytes from a parameter: the read is elsewhere
}

// A CA bundle read by hand is a CA certificate file, as
// credentials.NewClientTLSFromFile would take it.
func caPool() *x509.CertPool {
	pem, err := os.ReadFile("/home/alice/ca.pem") // want `CA certificate file "/home/alice/ca\.pem" is in a home directory; read the path from configuration`
	if err != nil {
		return nil
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pem)
	return pool
}

// Not findings: the system bundle, a testdata fixture, a configured
// path, and bytes that do not reach the pool.
func caPoolFine(path string) *x509.CertPool {
	pool, _ := x509.SystemCertPool()
	sys, _ := os.ReadFile("/etc/ssl/certs/ca-certificates.crt")
	pool.AppendCertsFromPEM(sys)
	fixture, _ := os.ReadFile("testdata/ca.pem")
	pool.AppendCertsFromPEM(fixture)
	conf, _ := os.ReadFile(path)
	pool.AppendCertsFromPEM(conf)
	other, _ := os.ReadFile("/home/alice/notes.pem")
	_ = other
	return pool
}
