// Package basic: connections with and without credentials, options from
// direct arguments, local slices, conditions, spreads and helpers.
package basic

import (
	"context"
	"crypto/tls"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/alts"
	"google.golang.org/grpc/credentials/google"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/credentials/xds"
)

func direct(addr string) {
	grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials())) // want `^grpc.NewClient gets no credentials; add grpc.WithPerRPCCredentials$`
	grpc.Dial(addr, grpc.WithInsecure())                                           // want `grpc.Dial gets no credentials;`
	grpc.DialContext(context.Background(), addr, grpc.WithBlock(),                 // want `grpc.DialContext gets no credentials;`
		grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{})))
	grpc.NewClient(addr)                                                                           // want `grpc.NewClient gets no credentials;`
	grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewClientTLSFromCert(nil, "")), // want `grpc.NewClient gets no credentials;`
		grpc.WithUserAgent("x"), grpc.WithDefaultCallOptions())
	tc, _ := credentials.NewClientTLSFromFile("ca.pem", "")
	grpc.NewClient(addr, grpc.WithTransportCredentials(tc))                                   // want `grpc.NewClient gets no credentials;`
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewTLS(nil))) // want `grpc.NewClient gets no credentials;`
	_, _ = conn, err
}

func authenticated(addr string, c credentials.PerRPCCredentials, b credentials.Bundle, ui grpc.UnaryClientInterceptor, si grpc.StreamClientInterceptor) {
	grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewTLS(nil)), grpc.WithPerRPCCredentials(c))
	grpc.NewClient(addr, grpc.WithCredentialsBundle(b))
	grpc.NewClient(addr, grpc.WithCredentialsBundle(google.NewDefaultCredentials()))
	grpc.NewClient(addr, grpc.WithCredentialsBundle(google.NewComputeEngineCredentials()))
	grpc.NewClient(addr, grpc.WithInsecure(), grpc.WithDefaultCallOptions(grpc.PerRPCCredentials(c)))
	grpc.NewClient(addr, grpc.WithInsecure(), grpc.WithUnaryInterceptor(ui))
	grpc.NewClient(addr, grpc.WithInsecure(), grpc.WithChainUnaryInterceptor(ui, ui))
	grpc.NewClient(addr, grpc.WithInsecure(), grpc.WithStreamInterceptor(si))
	grpc.NewClient(addr, grpc.WithInsecure(), grpc.WithChainStreamInterceptor(si))
	grpc.NewClient(addr, grpc.WithInsecure(), grpc.WithChainUnaryInterceptor()) // want `grpc.NewClient gets no credentials;`
	grpc.NewClient(addr, grpc.WithInsecure(), grpc.WithUnaryInterceptor(nil))   // want `grpc.NewClient gets no credentials;`
	// A bundle that is itself insecure carries no credentials.
	grpc.NewClient(addr, grpc.WithCredentialsBundle(insecure.NewBundle())) // want `grpc.NewClient gets no credentials;`
}

// mTLS, ALTS and xDS authenticate the client in the handshake.
func transports(addr string, cert tls.Certificate, cfg *tls.Config) {
	grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{Certificates: []tls.Certificate{cert}})))
	grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{
		GetClientCertificate: func(*tls.CertificateRequestInfo) (*tls.Certificate, error) { return &cert, nil },
	})))
	grpc.NewClient(addr, grpc.WithTransportCredentials(alts.NewClientCreds(alts.DefaultClientOptions())))
	xc, _ := xds.NewClientCredentials(xds.ClientOptions{FallbackCreds: insecure.NewCredentials()})
	grpc.NewClient("xds:///svc", grpc.WithTransportCredentials(xc))
	// A config built elsewhere may hold client certificates.
	grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewTLS(cfg)))
	grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{ServerName: "x", MinVersion: tls.VersionTLS12}))) // want `grpc.NewClient gets no credentials;`

	// Configurations built in the function are followed.
	mcfg := &tls.Config{ServerName: "x"}
	mcfg.Certificates = []tls.Certificate{cert}
	grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewTLS(mcfg)))
	scfg := &tls.Config{ServerName: "x"}
	scfg.MinVersion = tls.VersionTLS13
	grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewTLS(scfg))) // want `grpc.NewClient gets no credentials;`
	vcfg := tls.Config{}
	grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewTLS(&vcfg))) // want `grpc.NewClient gets no credentials;`
	ccfg := &tls.Config{}
	if cfg != nil {
		ccfg.GetClientCertificate = cfg.GetClientCertificate
	}
	grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewTLS(ccfg)))
	// Given to a function, or aliased, it may gain certificates.
	ecfg := &tls.Config{}
	addClientCert(ecfg)
	grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewTLS(ecfg)))
	acfg := &tls.Config{}
	alias := acfg
	alias.Certificates = nil
	grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewTLS(acfg)))
	grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewTLS(pkgTLS)))
	grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewTLS(plainTLS)))    // want `grpc.NewClient gets no credentials;`
	grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewTLS(serverTLS()))) // want `grpc.NewClient gets no credentials;`
	grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewTLS(clientTLS(cert))))
	loaded, _ := loadTLS(cfg)
	grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewTLS(loaded)))
}

func serverTLS() *tls.Config { return &tls.Config{MinVersion: tls.VersionTLS12} }

func clientTLS(cert tls.Certificate) *tls.Config {
	cfg := serverTLS()
	cfg.Certificates = []tls.Certificate{cert}
	return cfg
}

func loadTLS(base *tls.Config) (*tls.Config, error) { return base.Clone(), nil }

func addClientCert(cfg *tls.Config) {}

var pkgTLS = &tls.Config{}

var plainTLS = &tls.Config{}

func init() { pkgTLS.Certificates = nil }

func slices(addr string, useAuth bool, c credentials.PerRPCCredentials) {
	opts := []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}
	grpc.NewClient(addr, opts...) // want `grpc.NewClient gets no credentials;`

	// Credentials added on any path count.
	opts2 := []grpc.DialOption{grpc.WithBlock()}
	if useAuth {
		opts2 = append(opts2, grpc.WithPerRPCCredentials(c))
	}
	grpc.NewClient(addr, opts2...)

	var opts3 []grpc.DialOption
	opts3 = append(opts3, grpc.WithUserAgent("x"))
	opts3 = append(opts3, tlsOpt())
	grpc.NewClient(addr, opts3...) // want `grpc.NewClient gets no credentials;`

	// Spreads.
	all := append([]grpc.DialOption{grpc.WithBlock()}, opts...)
	grpc.NewClient(addr, all...) // want `grpc.NewClient gets no credentials;`
	grpc.NewClient(addr, append(all, opts2...)...)
	grpc.NewClient(addr, []grpc.DialOption(opts3)...) // want `grpc.NewClient gets no credentials;`
	made := make([]grpc.DialOption, 0, 4)
	made = append(made, grpc.WithInsecure())
	grpc.NewClient(addr, made...) // want `grpc.NewClient gets no credentials;`
	sized := make([]grpc.DialOption, 2)
	fillSlice(sized)
	grpc.NewClient(addr, sized...)
	var own optList
	own.add(grpc.WithPerRPCCredentials(c))
	grpc.NewClient(addr, append(own, grpc.WithInsecure())...)

	switch addr {
	case "a":
		opts3 = append(opts3, grpc.WithPerRPCCredentials(c))
	case "b":
		return
	}
	grpc.NewClient(addr, opts3...)
}

func earlyReturn(addr string, c credentials.PerRPCCredentials, anon bool) {
	opts := []grpc.DialOption{grpc.WithInsecure()}
	if anon {
		opts = append(opts, grpc.WithPerRPCCredentials(c))
		return
	}
	grpc.NewClient(addr, opts...) // want `grpc.NewClient gets no credentials;`
}

func shadowed(addr string, c credentials.PerRPCCredentials) {
	opts := []grpc.DialOption{grpc.WithPerRPCCredentials(c)}
	if addr != "" {
		opts := []grpc.DialOption{grpc.WithInsecure()}
		grpc.NewClient(addr, opts...) // want `grpc.NewClient gets no credentials;`
	}
	grpc.NewClient(addr, opts...)
}

func shadowedOuter(addr string, c credentials.PerRPCCredentials) {
	opts := []grpc.DialOption{grpc.WithInsecure()}
	{
		opts := append(opts, grpc.WithPerRPCCredentials(c))
		grpc.NewClient(addr, opts...)
	}
	grpc.NewClient(addr, opts...) // want `grpc.NewClient gets no credentials;`
}

// Options the pass cannot see may carry credentials: no report.

type client struct{ opts []grpc.DialOption }

func (cl *client) dial(addr string) { grpc.NewClient(addr, cl.opts...) }

var optsFunc func() []grpc.DialOption

func fromFuncValue(addr string) { grpc.NewClient(addr, optsFunc()...) }

func fromInterface(addr string, p interface{ Opts() []grpc.DialOption }) {
	grpc.NewClient(addr, p.Opts()...)
}

func fromParamSlice(addr string, opts []grpc.DialOption, o grpc.DialOption) { // want fromParamSlice:`dialer\(opts=1 target=0 base=none\)`
	grpc.NewClient(addr, opts...)
	grpc.NewClient(addr, o)
}

func fromClosure(addr string, c credentials.PerRPCCredentials) {
	var opts []grpc.DialOption
	add := func() { opts = append(opts, grpc.WithPerRPCCredentials(c)) }
	add()
	grpc.NewClient(addr, append(opts, grpc.WithInsecure())...)
}

func fill(opts *[]grpc.DialOption) {}

func fromPointer(addr string) {
	var opts []grpc.DialOption
	fill(&opts)
	grpc.NewClient(addr, append(opts, grpc.WithInsecure())...)
}

func fromLoop(addr string, creds []credentials.PerRPCCredentials) {
	var opts []grpc.DialOption
	for _, c := range creds {
		opts = append(opts, grpc.WithPerRPCCredentials(c))
	}
	grpc.NewClient(addr, append(opts, grpc.WithInsecure())...)
}

func fromIndex(addr string, o grpc.DialOption) {
	opts := []grpc.DialOption{grpc.WithInsecure(), nil}
	opts[1] = o
	grpc.NewClient(addr, opts...)
}

func inClosure(addr string) {
	go func() {
		grpc.NewClient(addr, grpc.WithInsecure()) // want `grpc.NewClient gets no credentials;`
	}()
	opts := []grpc.DialOption{grpc.WithInsecure()}
	func() {
		grpc.NewClient(addr, opts...) // captured: not followed
	}()
}

// Helpers of the same package.

func tlsOpt() grpc.DialOption { // want tlsOpt:`dialopts\(none\)`
	return grpc.WithTransportCredentials(credentials.NewTLS(nil))
}

func authOpts(c credentials.PerRPCCredentials) []grpc.DialOption { // want authOpts:`dialopts\(auth\)`
	return []grpc.DialOption{grpc.WithPerRPCCredentials(c), tlsOpt()}
}

func plainOpts() []grpc.DialOption { // want plainOpts:`dialopts\(none insecure\)`
	return []grpc.DialOption{grpc.WithInsecure()}
}

func withDefaults(opts ...grpc.DialOption) []grpc.DialOption { // want withDefaults:`dialopts\(none\+param0\)`
	return append([]grpc.DialOption{tlsOpt()}, opts...)
}

func unknownOpts(cl *client) (opts []grpc.DialOption, err error) { // want unknownOpts:`dialopts\(unknown\)`
	opts = cl.opts
	return
}

func recursive(n int) []grpc.DialOption { // want recursive:`dialopts\(unknown\)`
	if n == 0 {
		return nil
	}
	return recursive(n - 1)
}

var packageOpts = []grpc.DialOption{grpc.WithInsecure()} // want packageOpts:`dialopts\(none insecure\)`

var changedOpts = []grpc.DialOption{grpc.WithInsecure()} // want changedOpts:`dialopts\(unknown\)`

func init() { changedOpts = append(changedOpts, optsFunc()...) }

func useHelpers(addr string, c credentials.PerRPCCredentials, cl *client) {
	grpc.NewClient(addr, authOpts(c)...)
	grpc.NewClient(addr, plainOpts()...)    // want `grpc.NewClient gets no credentials;`
	grpc.NewClient(addr, withDefaults()...) // want `grpc.NewClient gets no credentials;`
	grpc.NewClient(addr, withDefaults(grpc.WithPerRPCCredentials(c))...)
	grpc.NewClient(addr, withDefaults(authOpts(c)...)...)
	opts, _ := unknownOpts(cl)
	grpc.NewClient(addr, opts...)
	grpc.NewClient(addr, recursive(3)...)
	grpc.NewClient(addr, packageOpts...) // want `grpc.NewClient gets no credentials;`
	grpc.NewClient(addr, changedOpts...)
}

// Returns in branches all count.
func branchAuth(c credentials.PerRPCCredentials, ok bool) []grpc.DialOption { // want branchAuth:`dialopts\(auth\)`
	if ok {
		return authOpts(c)
	}
	return plainOpts()
}

func branchWrapper(addr string, opts ...grpc.DialOption) *grpc.ClientConn { // want branchWrapper:`dialer\(opts=1 target=0 base=none\)`
	if addr != "" {
		conn, _ := grpc.NewClient(addr, opts...)
		return conn
	}
	return nil
}

func useBranches(addr string, c credentials.PerRPCCredentials) {
	grpc.NewClient(addr, branchAuth(c, true)...)
	branchWrapper(addr) // want `basic.branchWrapper gets no credentials;`
}

func fillSlice(opts []grpc.DialOption) {}

type optList []grpc.DialOption

func (l *optList) add(o grpc.DialOption) { *l = append(*l, o) }

// leftByBreak: a for loop without a condition is left by its break only,
// which carries the credentials: nothing to report.
func leftByBreak(addr string, creds credentials.PerRPCCredentials) {
	var opts []grpc.DialOption
	for {
		opts = append(opts, grpc.WithInsecure())
		if creds != nil {
			opts = append(opts, grpc.WithPerRPCCredentials(creds))
			break
		}
		opts = nil
	}
	grpc.NewClient(addr, opts...)
}

// continued: the continue carries the credentials to the next iteration
// and past the loop, around the reset after it.
func continued(addr string, modes []string, creds credentials.PerRPCCredentials) {
	opts := []grpc.DialOption{grpc.WithInsecure()}
	for _, m := range modes {
		if m == "auth" {
			opts = append(opts, grpc.WithPerRPCCredentials(creds))
			continue
		}
		opts = []grpc.DialOption{grpc.WithInsecure()}
	}
	grpc.NewClient(addr, opts...)
}

// labelled: break outer carries the credentials past the outer loop's
// reset.
func labelled(addr string, rows [][]string, creds credentials.PerRPCCredentials) {
	opts := []grpc.DialOption{grpc.WithInsecure()}
outer:
	for _, row := range rows {
		for range row {
			opts = append(opts, grpc.WithPerRPCCredentials(creds))
			break outer
		}
		opts = []grpc.DialOption{grpc.WithInsecure()}
	}
	grpc.NewClient(addr, opts...)
}
