// Package unattached builds connections from structs that carry
// credentials: reported when the package never reads the credentials
// field (configured, then forgotten), in the default configuration.
package unattached

import (
	"context"
	"log"
	"net/url"
	"time"

	"golang.org/x/oauth2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
)

// Provider is parsed from a config file; Auth is never read.
type Provider struct { // want Provider:`fieldreads\(\)`
	Host string `yaml:"host"`
	Auth string `yaml:"auth"`
}

func (p *Provider) dial() (*grpc.ClientConn, error) {
	return grpc.NewClient(p.Host, grpc.WithTransportCredentials(insecure.NewCredentials())) // want `^grpc.NewClient gets no credentials and Provider.Auth is never read; attach them with grpc.WithPerRPCCredentials$`
}

// backend keeps a token source it never uses, and takes the target from a
// parameter of the same type.
type backend struct { // want backend:`fieldreads\(\)`
	addr string
	ts   oauth2.TokenSource
}

func dialBackend(ctx context.Context, b backend) {
	grpc.NewClient(b.addr, grpc.WithTransportCredentials(credentials.NewTLS(nil))) // want `backend.ts is never read`
}

// logged reads its password, if only to log it: used.
type logged struct { // want logged:`fieldreads\(Password\)`
	Addr     string
	Password string
}

func (l logged) dial() {
	log.Printf("password %d characters", len(l.Password))
	grpc.NewClient(l.Addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
}

// settings has fields about auth, not credentials: not reported.
type settings struct {
	Addr        string
	AuthEnabled bool
	TokenTTL    int
	Authority   string
	TokenURL    string
}

func (s *settings) dial() {
	grpc.NewClient(s.Addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
}

// attached: the connection carries credentials, from elsewhere.
type attached struct { // want attached:`fieldreads\(\)`
	Addr   string
	APIKey string
}

func (a *attached) dial(creds credentials.PerRPCCredentials) {
	grpc.NewClient(a.Addr, grpc.WithTransportCredentials(credentials.NewTLS(nil)), grpc.WithPerRPCCredentials(creds))
}

// hidden: an unexported credentials field, unread.
type hidden struct { // want hidden:`fieldreads\(\)`
	Addr  string
	creds credentials.PerRPCCredentials
}

func (h *hidden) dial() {
	grpc.NewClient(h.Addr, grpc.WithTransportCredentials(insecure.NewCredentials())) // want `hidden.creds is never read`
}

// localTarget: the target is not read from a receiver or parameter.
func (p *Provider) dialFixed() {
	grpc.NewClient("api.example.com:443", grpc.WithTransportCredentials(insecure.NewCredentials()))
}

// unixSocket needs no credentials.
func (p *Provider) dialUnix() {
	grpc.NewClient("unix:///run/app.sock", grpc.WithTransportCredentials(insecure.NewCredentials()))
}

// BasicAuth is credentials behind a pointer.
type BasicAuth struct { // want BasicAuth:`fieldreads\(\)`
	User     string
	Password string
}

// Auth is an interface of the package's own.
type Auth interface{ Kind() string }

// endpoint holds its credentials behind a pointer to a struct and a
// pointer to an interface, and reads neither.
type endpoint struct { // want endpoint:`fieldreads\(\)`
	Addr string
	Auth *BasicAuth
}

func (e *endpoint) dial() {
	grpc.NewClient(e.Addr, grpc.WithTransportCredentials(insecure.NewCredentials())) // want `endpoint.Auth is never read`
}

type ifaceEndpoint struct { // want ifaceEndpoint:`fieldreads\(\)`
	Host string
	Auth *Auth
}

func dialIface(ctx context.Context, p *ifaceEndpoint) {
	grpc.DialContext(ctx, p.Host, grpc.WithTransportCredentials(insecure.NewCredentials())) // want `ifaceEndpoint.Auth is never read`
}

// AuthKind is an enum: a field of this type is a setting, whatever its
// name.
type AuthKind string

const (
	AuthNone  AuthKind = "none"
	AuthBasic AuthKind = "basic"
)

type kinded struct {
	Addr      string
	Auth      AuthKind
	AuthMode  int
	AuthURL   string
	TLSAuth   bool
	Creds     *url.URL
	TokenTime time.Time
}

func (k *kinded) dial() {
	grpc.NewClient(k.Addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
}

// Secret is a named string without constants: it holds credentials.
type Secret string

type secretHolder struct { // want secretHolder:`fieldreads\(\)`
	Addr  string
	Token Secret
}

func (s *secretHolder) dial() {
	grpc.NewClient(s.Addr, grpc.WithTransportCredentials(insecure.NewCredentials())) // want `secretHolder.Token is never read`
}

// passedOn hands its credentials whole to a function: read.
type passedOn struct { // want passedOn:`fieldreads\(Auth\)`
	Addr string
	Auth *BasicAuth
}

func (p *passedOn) dial() {
	register(p.Auth)
	grpc.NewClient(p.Addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
}

func register(*BasicAuth) {}

// decodedInto has its credentials' address taken: read.
type decodedInto struct { // want decodedInto:`fieldreads\(Creds\)`
	Addr  string
	Creds *BasicAuth
}

func (d *decodedInto) dial(load func(any)) {
	load(&d.Creds)
	grpc.NewClient(d.Addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
}
