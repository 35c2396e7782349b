// Package user judges connections built with another package's helpers.
package user

import (
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"

	"crosspkg/helpers"
	"crosspkg/plaincreds"
)

func dial(addr string, c credentials.PerRPCCredentials) {
	grpc.NewClient(addr, helpers.TLS()) // want `no RPC on this connection carries credentials: grpc.NewClient gets`
	grpc.NewClient(addr, helpers.Auth(c)...)
	grpc.NewClient(addr, helpers.WithDefaults()...) // want `no RPC on this connection carries credentials`
	grpc.NewClient(addr, helpers.WithDefaults(grpc.WithPerRPCCredentials(c))...)
	grpc.NewClient(addr, helpers.FromEnv()...)
	grpc.NewClient(addr, helpers.Plain...) // want `no RPC on this connection carries credentials`
	grpc.NewClient(addr, helpers.Secure...)
	opts, _ := helpers.MaybeAuth(c)
	grpc.NewClient(addr, opts...)

	helpers.Dial(addr) // want `no RPC on this connection carries credentials: helpers.Dial gets`
	helpers.Dial(addr, grpc.WithPerRPCCredentials(c))
	helpers.Dial(addr, helpers.Auth(c)...)
	helpers.Dial("unix:///tmp/x.sock")
	helpers.DialAuthed(nil, c, addr)
	helpers.DialFixed()                                               // want `no RPC on this connection carries credentials: helpers.DialFixed gets`
	helpers.DialFixed(grpc.WithPerRPCCredentials(plaincreds.Creds{})) // want `helpers.DialFixed fails with "the credentials require transport level security": plaincreds.Creds credentials over the options of helpers.DialFixed`

	grpc.NewClient(addr, grpc.WithPerRPCCredentials(plaincreds.Creds{}), helpers.Insecure())   // want `grpc.NewClient fails with "the credentials require transport level security": plaincreds.Creds credentials over the options of helpers.Insecure`
	grpc.NewClient(addr, grpc.WithPerRPCCredentials(&plaincreds.Creds{}), grpc.WithInsecure()) // want `\*plaincreds.Creds credentials over`
	grpc.NewClient(addr, grpc.WithPerRPCCredentials(plaincreds.Lax{}), helpers.Insecure())
	grpc.NewClient(addr, append(helpers.Plain, grpc.WithDefaultCallOptions(grpc.PerRPCCredentials(plaincreds.Creds{}))...)...) // want `every RPC fails with Unauthenticated`
}

// Dial wraps a wrapper: its callers are judged too.
func Dial(addr string, opts ...grpc.DialOption) (*grpc.ClientConn, error) { // want Dial:`dialer\(opts=1 target=0 base=none\)`
	return helpers.Dial(addr, opts...)
}

func useDial(c credentials.PerRPCCredentials) {
	Dial("api.example.com:443") // want `no RPC on this connection carries credentials: user.Dial gets`
	Dial("api.example.com:443", grpc.WithPerRPCCredentials(c))
}

func useServer(s *helpers.Server, c credentials.PerRPCCredentials) {
	s.Client() // want `no RPC on this connection carries credentials: helpers.Server.Client gets`
	s.Client(grpc.WithPerRPCCredentials(c))
	s.Client(grpc.WithPerRPCCredentials(plaincreds.Creds{})) // want `helpers.Server.Client fails with "the credentials require transport level security": plaincreds.Creds credentials over the options of helpers.Server.Client`
}

func credsHelpers(addr string, c credentials.PerRPCCredentials) {
	hc, _ := helpers.Credentials("sa.json")
	grpc.NewClient(addr, grpc.WithPerRPCCredentials(hc), grpc.WithInsecure()) // want `grpc.NewClient fails with "the credentials require transport level security": helpers.Credentials credentials over`
	sa, _ := helpers.ServiceAccount("sa.json")
	grpc.NewClient(addr, grpc.WithInsecure(), grpc.WithDefaultCallOptions(grpc.PerRPCCredentials(sa))) // want `every RPC fails with Unauthenticated .*: oauth.NewServiceAccountFromFile credentials in the default call options over`
	grpc.NewClient(addr, grpc.WithPerRPCCredentials(helpers.MaybeCredentials(c)), grpc.WithInsecure())
}
