package authtest

import (
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

// An Option configures Check and Require.
type Option func(*config)

type config struct {
	exempt            []string // full methods
	exemptServices    []string
	noDefaults        bool
	noDefault         []string // services named by NoDefaultExemptions
	md                metadata.MD
	dial              []grpc.DialOption
	timeout           time.Duration
	failUnimplemented bool
}

// DefaultTimeout is the deadline of each call when no Timeout option is
// given.
const DefaultTimeout = 5 * time.Second

// DefaultExemptServices returns the services exempt unless
// NoDefaultExemptions says otherwise: health checking, server reflection
// (v1 and v1alpha) and channelz, which are meant to answer without a
// token. A service of this list that the server does not register is
// ignored.
func DefaultExemptServices() []string {
	return []string{
		"grpc.health.v1.Health",
		"grpc.reflection.v1.ServerReflection",
		"grpc.reflection.v1alpha.ServerReflection",
		"grpc.channelz.v1.Channelz",
	}
}

func newConfig(opts []Option) *config {
	c := &config{timeout: DefaultTimeout}
	for _, o := range opts {
		if o != nil {
			o(c)
		}
	}
	return c
}

// Exempt names methods that may answer without a token, as
// "/pkg.Service/Method" (the generated X_Y_FullMethodName constants). They
// are not called. A name that is not a method of a registered service is
// an error, so the list cannot silently rot when a method is renamed or
// removed. UnregisteredMethod exempts the probe of an unknown-service
// handler.
func Exempt(fullMethods ...string) Option {
	return func(c *config) { c.exempt = append(c.exempt, fullMethods...) }
}

// ExemptService exempts every method of the named services, as
// "pkg.Service" (the generated X_ServiceDesc.ServiceName). A service that
// is not registered is an error.
func ExemptService(services ...string) Option {
	return func(c *config) { c.exemptServices = append(c.exemptServices, services...) }
}

// NoDefaultExemptions withdraws default exemptions (DefaultExemptServices),
// so those services are called and must answer codes.Unauthenticated too.
// With no arguments it withdraws all of them; otherwise only the services
// named, each of which must be one of DefaultExemptServices.
func NoDefaultExemptions(services ...string) Option {
	return func(c *config) {
		if len(services) == 0 {
			c.noDefaults = true
		}
		c.noDefault = append(c.noDefault, services...)
	}
}

// WithMetadata adds headers to every call, such as a tenant id the server
// reads before it authenticates. Check sends no token unless md holds one.
// Several WithMetadata options are joined.
func WithMetadata(md metadata.MD) Option {
	return func(c *config) { c.md = metadata.Join(c.md, md) }
}

// WithDialOptions adds options to the in-process client connection, after
// Check's own (the connection dials the bufconn listener, without transport
// security). A server built with grpc.Creds needs matching transport
// credentials, such as
//
//	authtest.WithDialOptions(grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{
//		ServerName:   "localhost", // a name the server's certificate holds
//		RootCAs:      pool,
//		Certificates: []tls.Certificate{clientCert}, // servers that ask for one
//	})))
//
// The connection's authority is "bufconn", so give a ServerName (or
// grpc.WithAuthority) that the server's certificate holds.
// Per-RPC credentials given here would send a token: leave them out.
func WithDialOptions(opts ...grpc.DialOption) Option {
	return func(c *config) { c.dial = append(c.dial, opts...) }
}

// Timeout sets the deadline of each call, and the time allowed to connect
// (DefaultTimeout if not given). A call still running at its deadline
// answers codes.DeadlineExceeded, which fails: its handler ran.
func Timeout(d time.Duration) Option {
	return func(c *config) { c.timeout = d }
}

// FailUnimplemented makes Require fail on methods that answer
// codes.Unimplemented, which it otherwise only logs. Such a method is
// usually left to the generated UnimplementedXServer and answers every
// caller alike, so it serves nothing without a token; but it answered
// before any auth check, so an interceptor did not run first.
func FailUnimplemented() Option {
	return func(c *config) { c.failUnimplemented = true }
}
