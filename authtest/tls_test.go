package authtest_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/grpcauthlint/grpcauthlint/authtest"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
)

// pki is a certificate authority and what it signed, made in memory.
type pki struct {
	pool           *x509.CertPool
	server, client tls.Certificate
}

func newPKI(t *testing.T) *pki {
	t.Helper()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	caTmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "authtest CA"},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(time.Hour),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, err := x509.ParseCertificate(caDER)
	if err != nil {
		t.Fatal(err)
	}
	leaf := func(serial int64, usage x509.ExtKeyUsage, dns ...string) tls.Certificate {
		key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		tmpl := &x509.Certificate{
			SerialNumber: big.NewInt(serial),
			Subject:      pkix.Name{CommonName: "authtest leaf"},
			DNSNames:     dns,
			NotBefore:    now.Add(-time.Hour),
			NotAfter:     now.Add(time.Hour),
			KeyUsage:     x509.KeyUsageDigitalSignature,
			ExtKeyUsage:  []x509.ExtKeyUsage{usage},
		}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
		if err != nil {
			t.Fatal(err)
		}
		return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
	}
	p := &pki{pool: x509.NewCertPool()}
	p.pool.AddCert(ca)
	p.server = leaf(2, x509.ExtKeyUsageServerAuth, "localhost")
	p.client = leaf(3, x509.ExtKeyUsageClientAuth)
	return p
}

// A server that requires client certificates, and a token on top: the
// sweep runs over TLS with the dial options the user gives, and a failed
// handshake is an error, not a hang.
func TestTLSClientCertificates(t *testing.T) {
	p := newPKI(t)
	creds := grpc.Creds(credentials.NewTLS(&tls.Config{
		Certificates: []tls.Certificate{p.server},
		ClientCAs:    p.pool,
		ClientAuth:   tls.RequireAndVerifyClientCert,
	}))
	srv := newServer(t, append(fullAuth, creds)...)

	clientTLS := func(certs ...tls.Certificate) authtest.Option {
		return authtest.WithDialOptions(grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{
			ServerName:   "localhost",
			RootCAs:      p.pool,
			Certificates: certs,
		})))
	}
	rep := check(t, srv, clientTLS(p.client))
	wantMethods(t, "Unprotected", rep.Unprotected())
	if c := codesOf(rep.Results)[emptyCall]; c.String() != "Unauthenticated" {
		t.Errorf("EmptyCall over mTLS: %v", c)
	}
	authtest.Require(t, srv, clientTLS(p.client))

	other := newPKI(t) // a client certificate the server does not trust
	for name, opt := range map[string]authtest.Option{
		"plaintext":           nil,
		"no client cert":      clientTLS(),
		"untrusted client":    clientTLS(other.client),
		"untrusted server CA": authtest.WithDialOptions(grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{ServerName: "localhost", RootCAs: other.pool, Certificates: []tls.Certificate{p.client}}))),
	} {
		rep, err := authtest.Check(t.Context(), srv, opt, authtest.Timeout(3*time.Second))
		if err == nil || !strings.Contains(err.Error(), "authtest: cannot connect to the server: ") {
			t.Errorf("%s: Check = %v, %v; want a connection error", name, rep, err)
			continue
		}
		t.Logf("%s: %v", name, err)
	}
}
