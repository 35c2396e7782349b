// Package typeerrors does not type-check; the pass must not panic.
package typeerrors

import (
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/oauth"
)

func dial(addr string) {
	grpc.NewClient(addr, undefinedOpts()...)
	grpc.NewClient(addr, grpc.WithPerRPCCredentials(undefined), grpc.WithInsecure())
	opts := []grpc.DialOption{grpc.WithInsecure(), 3}
	grpc.NewClient(addr, opts...)
	grpc.DialContext(addr)
	grpc.NewClient()
	grpc.WithPerRPCCredentials()
	grpc.NewClient(addr, grpc.WithPerRPCCredentials(oauth.TokenSource{}), grpc.WithInsecure(nil))
	var x = missing.Field
	grpc.NewClient(x, grpc.WithTransportCredentials(x))
	grpc.NewClient(addr, grpc.WithInsecure()) // want `grpc.NewClient gets no credentials;`
}

func helper() []grpc.DialOption { // want helper:`dialopts\(unknown\)`
	return []grpc.DialOption{nope()}
}
