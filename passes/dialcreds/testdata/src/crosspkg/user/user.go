// Package user judges connections built with another package's helpers.
package user

import (
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"

	"crosspkg/helpers"
	"crosspkg/plaincreds"
)

func dial(addr string, c credentials.PerRPCCredentials) {
	grpc.NewClient(addr, helpers.TLS()) // want `grpc.NewClient gets no credentials;`
	grpc.NewClient(addr, helpers.Auth(c)...)
	grpc.NewClient(addr, helpers.WithDefaults()...) // want `grpc.NewClient gets no credentials;`
	grpc.NewClient(addr, helpers.WithDefaults(grpc.WithPerRPCCredentials(c))...)
	grpc.NewClient(addr, helpers.FromEnv()...)
	grpc.NewClient(addr, helpers.Plain...) // want `grpc.NewClient gets no credentials;`
	grpc.NewClient(addr, helpers.Secure...)
	opts, _ := helpers.MaybeAuth(c)
	grpc.NewClient(addr, opts...)

	helpers.Dial(addr) // want `helpers.Dial gets no credentials;`
	helpers.Dial(addr, grpc.WithPerRPCCredentials(c))
	helpers.Dial(addr, helpers.Auth(c)...)
	helpers.Dial("unix:///tmp/x.sock")
	helpers.DialAuthed(nil, c, addr)
	helpers.DialFixed()                                               // want `helpers.DialFixed gets no credentials;`
	helpers.DialFixed(grpc.WithPerRPCCredentials(plaincreds.Creds{})) // want `plaincreds.Creds credentials over the options of helpers.DialFixed require TLS;`

	grpc.NewClient(addr, grpc.WithPerRPCCredentials(plaincreds.Creds{}), helpers.Insecure())   // want `plaincreds.Creds credentials over the options of helpers.Insecure require TLS;`
	grpc.NewClient(addr, grpc.WithPerRPCCredentials(&plaincreds.Creds{}), grpc.WithInsecure()) // want `\*plaincreds.Creds credentials over`
	grpc.NewClient(addr, grpc.WithPerRPCCredentials(plaincreds.Lax{}), helpers.Insecure())
	grpc.NewClient(addr, append(helpers.Plain, grpc.WithDefaultCallOptions(grpc.PerRPCCredentials(plaincreds.Creds{}))...)...) // want `plaincreds.Creds call credentials over the options of helpers.Plain require TLS;`
}

// Dial wraps a wrapper: its callers are judged too.
func Dial(addr string, opts ...grpc.DialOption) (*grpc.ClientConn, error) { // want Dial:`dialer\(opts=1 target=0 base=none\)`
	return helpers.Dial(addr, opts...)
}

func useDial(c credentials.PerRPCCredentials) {
	Dial("api.example.com:443") // want `user.Dial gets no credentials;`
	Dial("api.example.com:443", grpc.WithPerRPCCredentials(c))
}

func useServer(s *helpers.Server, c credentials.PerRPCCredentials) {
	s.Client() // want `\(\*helpers.Server\).Client gets no credentials;`
	s.Client(grpc.WithPerRPCCredentials(c))
	s.Client(grpc.WithPerRPCCredentials(plaincreds.Creds{})) // want `plaincreds.Creds credentials over the options of \(\*helpers.Server\).Client require TLS;`
}

func credsHelpers(addr string, c credentials.PerRPCCredentials) {
	hc, _ := helpers.Credentials("sa.json")
	grpc.NewClient(addr, grpc.WithPerRPCCredentials(hc), grpc.WithInsecure()) // want `helpers.Credentials credentials over grpc.WithInsecure\(\) require TLS;`
	sa, _ := helpers.ServiceAccount("sa.json")
	grpc.NewClient(addr, grpc.WithInsecure(), grpc.WithDefaultCallOptions(grpc.PerRPCCredentials(sa))) // want `oauth.NewServiceAccountFromFile call credentials over grpc.WithInsecure\(\) require TLS;`
	grpc.NewClient(addr, grpc.WithPerRPCCredentials(helpers.MaybeCredentials(c)), grpc.WithInsecure())
}
