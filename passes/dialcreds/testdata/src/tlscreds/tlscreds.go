// Package tlscreds: per-RPC credentials that require transport security
// on an insecure transport.
package tlscreds

import (
	"context"
	"log"

	"golang.org/x/oauth2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/google"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/credentials/jwt"
	"google.golang.org/grpc/credentials/oauth"
	"google.golang.org/grpc/credentials/sts"
)

type tokenCreds struct{}

func (*tokenCreds) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return nil, nil
}

func (*tokenCreds) RequireTransportSecurity() bool { return true } // want RequireTransportSecurity:`requiresTLS`

type plainCreds struct{}

func (plainCreds) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return nil, nil
}

func (plainCreds) RequireTransportSecurity() bool { return false }

type configCreds struct{ secure bool }

func (c configCreds) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return nil, nil
}

func (c configCreds) RequireTransportSecurity() bool { return c.secure }

// embedded promotes the oauth method.
type embedded struct{ oauth.TokenSource }

func dialOption(ctx context.Context, addr, keyFile string, tok *oauth2.Token) {
	creds, _ := oauth.NewServiceAccountFromFile(keyFile, "scope")
	grpc.NewClient(addr, grpc.WithPerRPCCredentials(creds), grpc.WithTransportCredentials(insecure.NewCredentials())) // want `^oauth.NewServiceAccountFromFile credentials over insecure.NewCredentials\(\) require TLS; use credentials.NewTLS$`
	grpc.Dial(addr, grpc.WithInsecure(), grpc.WithPerRPCCredentials(oauth.TokenSource{}))                             // want `oauth.TokenSource credentials over grpc.WithInsecure\(\) require TLS;`
	grpc.NewClient(addr, grpc.WithInsecure(), grpc.WithPerRPCCredentials(oauth.NewOauthAccess(tok)))                  // want `oauth.NewOauthAccess credentials over`
	grpc.NewClient(addr, grpc.WithInsecure(), grpc.WithPerRPCCredentials(oauth.NewComputeEngine()))                   // want `oauth.NewComputeEngine credentials over`
	j, _ := jwt.NewTokenFileCallCredentials("/var/run/secrets/token")
	grpc.NewClient(addr, grpc.WithInsecure(), grpc.WithPerRPCCredentials(j)) // want `jwt.NewTokenFileCallCredentials credentials over`
	s, _ := sts.NewCredentials(sts.Options{})
	grpc.NewClient(addr, grpc.WithInsecure(), grpc.WithPerRPCCredentials(s)) // want `sts.NewCredentials credentials over`
	id, _ := google.NewServiceAccountIdentityCredentials(ctx, "aud")
	grpc.NewClient(addr, grpc.WithInsecure(), grpc.WithPerRPCCredentials(id))            // want `google.NewServiceAccountIdentityCredentials credentials over`
	grpc.NewClient(addr, grpc.WithInsecure(), grpc.WithPerRPCCredentials(&tokenCreds{})) // want `\*tlscreds.tokenCreds credentials over`
	grpc.NewClient(addr, grpc.WithInsecure(), grpc.WithPerRPCCredentials(embedded{}))    // want `tlscreds.embedded credentials over`
	grpc.DialContext(ctx, addr, grpc.WithInsecure(), grpc.WithPerRPCCredentials(creds))  // want `oauth.NewServiceAccountFromFile credentials over grpc.WithInsecure\(\) require TLS;`

	// Not on one path, or not requiring TLS: silent.
	grpc.NewClient(addr, grpc.WithPerRPCCredentials(creds), grpc.WithTransportCredentials(credentials.NewTLS(nil)))
	grpc.NewClient(addr, grpc.WithInsecure(), grpc.WithPerRPCCredentials(creds), grpc.WithTransportCredentials(credentials.NewTLS(nil)))
	grpc.NewClient(addr, grpc.WithInsecure(), grpc.WithPerRPCCredentials(plainCreds{}))
	grpc.NewClient(addr, grpc.WithInsecure(), grpc.WithPerRPCCredentials(configCreds{}))
}

func defaultCallOptions(addr string) {
	grpc.NewClient(addr, grpc.WithDefaultCallOptions(grpc.PerRPCCredentials(oauth.TokenSource{})), grpc.WithInsecure()) // want `^oauth.TokenSource call credentials over grpc.WithInsecure\(\) require TLS; use credentials.NewTLS$`
}

type config struct {
	Insecure, Secure, Plaintext bool
	Mode                        string
}

func branch(addr string, cfg config) {
	opts := []grpc.DialOption{grpc.WithPerRPCCredentials(oauth.TokenSource{})}
	if cfg.Insecure {
		opts = append(opts, grpc.WithTransportCredentials(insecure.NewCredentials()))
	} else {
		opts = append(opts, grpc.WithTransportCredentials(credentials.NewTLS(nil)))
	}
	grpc.NewClient(addr, opts...) // want `^when cfg.Insecure, oauth.TokenSource credentials over insecure.NewCredentials\(\) require TLS; use credentials.NewTLS$`
}

func branchElse(addr string, cfg config) {
	var tc credentials.TransportCredentials = credentials.NewTLS(nil)
	if !cfg.Secure {
		tc = insecure.NewCredentials()
	}
	grpc.NewClient(addr, grpc.WithTransportCredentials(tc), grpc.WithPerRPCCredentials(oauth.TokenSource{})) // want `^when !cfg.Secure, oauth.TokenSource credentials over insecure.NewCredentials\(\) require TLS; use credentials.NewTLS$`
}

func branchNegated(addr string, cfg config) {
	tc := insecure.NewCredentials()
	if cfg.Secure {
		tc = credentials.NewTLS(nil)
	}
	// The insecure transport is chosen on the path that skips the branch.
	grpc.NewClient(addr, grpc.WithTransportCredentials(tc), grpc.WithPerRPCCredentials(oauth.TokenSource{})) // want `^when !cfg.Secure, oauth.TokenSource credentials over insecure.NewCredentials\(\) require TLS; use credentials.NewTLS$`
}

func chosenLater(addr string, cfg config) {
	plain := grpc.WithInsecure()
	opts := []grpc.DialOption{grpc.WithDefaultCallOptions(grpc.PerRPCCredentials(oauth.TokenSource{}))}
	if cfg.Plaintext {
		opts = append(opts, plain)
	} else {
		opts = append(opts, grpc.WithTransportCredentials(credentials.NewTLS(nil)))
	}
	grpc.NewClient(addr, opts...) // want `^when cfg.Plaintext, oauth.TokenSource call credentials over grpc.WithInsecure\(\) require TLS; use credentials.NewTLS$`
}

func switched(addr string, cfg config) {
	var opts []grpc.DialOption
	switch cfg.Mode {
	case "dev":
		opts = append(opts, grpc.WithInsecure())
	default:
		opts = append(opts, grpc.WithTransportCredentials(credentials.NewTLS(nil)))
	}
	opts = append(opts, grpc.WithPerRPCCredentials(oauth.TokenSource{}))
	grpc.NewClient(addr, opts...) // want `^when cfg.Mode == "dev", oauth.TokenSource credentials over grpc.WithInsecure\(\) require TLS; use credentials.NewTLS$`
}

// Credentials and the insecure transport never meet on one path.
func differentPaths(addr string, cfg config) {
	var opts []grpc.DialOption
	if cfg.Insecure {
		opts = append(opts, grpc.WithInsecure())
	} else {
		opts = append(opts, grpc.WithPerRPCCredentials(oauth.TokenSource{}), grpc.WithTransportCredentials(credentials.NewTLS(nil)))
	}
	grpc.NewClient(addr, opts...)
}

func insecureHelper() grpc.DialOption { // want insecureHelper:`dialopts\(none insecure\)`
	return grpc.WithTransportCredentials(insecure.NewCredentials())
}

func credsHelper() []grpc.DialOption { // want credsHelper:`dialopts\(auth\)`
	return []grpc.DialOption{grpc.WithPerRPCCredentials(oauth.TokenSource{})}
}

func credsFromHelpers(addr string) {
	grpc.NewClient(addr, append(credsHelper(), insecureHelper())...) // want `oauth.TokenSource credentials over insecure.NewCredentials\(\)`
}

type mode int

const (
	modeTLS mode = iota
	modeNone
)

// Conditions on the same value correlate: the credentials are added only
// in the TLS mode, the insecure transport only in the other one.
func correlated(addr string, m mode) {
	var opts []grpc.DialOption
	switch m {
	case modeTLS:
		opts = append(opts, grpc.WithTransportCredentials(credentials.NewTLS(nil)))
	case modeNone:
		opts = append(opts, grpc.WithTransportCredentials(insecure.NewCredentials()))
	}
	if m == modeTLS {
		opts = append(opts, grpc.WithPerRPCCredentials(oauth.TokenSource{}))
	}
	grpc.NewClient(addr, opts...)
}

func correlatedBool(addr string, secure bool) {
	opts := []grpc.DialOption{}
	if !secure {
		opts = append(opts, grpc.WithInsecure())
	}
	if secure {
		opts = append(opts, grpc.WithPerRPCCredentials(oauth.TokenSource{}))
	}
	grpc.NewClient(addr, opts...)
}

// Different values do not correlate.
func uncorrelated(addr string, m mode, withCreds bool) {
	var opts []grpc.DialOption
	if m == modeNone {
		opts = append(opts, grpc.WithInsecure())
	}
	if withCreds {
		opts = append(opts, grpc.WithPerRPCCredentials(oauth.TokenSource{}))
	}
	grpc.NewClient(addr, opts...) // want `^when m == modeNone, oauth.TokenSource credentials over grpc.WithInsecure\(\) require TLS; use credentials.NewTLS$`
}

func bundles(addr string, b credentials.Bundle) {
	gb := google.NewDefaultCredentials()
	grpc.NewClient(addr, grpc.WithInsecure(), grpc.WithPerRPCCredentials(gb.PerRPCCredentials())) // want `google.NewDefaultCredentials bundle's per-RPC credentials over grpc.WithInsecure\(\)`
	grpc.NewClient(addr, grpc.WithInsecure(), grpc.WithPerRPCCredentials(b.PerRPCCredentials()))
	grpc.NewClient(addr, grpc.WithInsecure(), grpc.WithPerRPCCredentials(insecure.NewBundle().PerRPCCredentials()))
}

// A branch that ends the program does not reach the dial.
func validated(addr string, cfg config) {
	var opts []grpc.DialOption
	switch cfg.Mode {
	case "tls":
		opts = append(opts, grpc.WithTransportCredentials(credentials.NewTLS(nil)), grpc.WithPerRPCCredentials(oauth.TokenSource{}))
	case "plain":
		opts = append(opts, grpc.WithInsecure())
	default:
		opts = append(opts, grpc.WithInsecure(), grpc.WithPerRPCCredentials(oauth.TokenSource{}))
		log.Fatalf("unknown mode %q", cfg.Mode)
	}
	grpc.NewClient(addr, opts...)
}

// leftByBreak: the insecure transport reaches the dial only through the
// first break (the statement walker sends a break's state to the end of
// its loop; the code after it in the loop body does not run).
func leftByBreak(addr string, plain bool) {
	opts := []grpc.DialOption{grpc.WithPerRPCCredentials(oauth.TokenSource{})}
	for {
		if plain {
			opts = append(opts, grpc.WithInsecure())
			break
		}
		opts = append(opts, grpc.WithTransportCredentials(credentials.NewTLS(nil)))
		break
	}
	grpc.NewClient(addr, opts...) // want `^when plain, oauth.TokenSource credentials over grpc.WithInsecure\(\) require TLS; use credentials.NewTLS$`
}
