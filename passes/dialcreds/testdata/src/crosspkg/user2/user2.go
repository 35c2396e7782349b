// Package user2 changes another package's option variable: its summary
// no longer holds here.
package user2

import (
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"

	"crosspkg/credsonly"
	"crosspkg/helpers"
)

func changed(addr string, c credentials.PerRPCCredentials) {
	helpers.Plain = append(helpers.Plain, grpc.WithPerRPCCredentials(c))
	grpc.NewClient(addr, helpers.Plain...)
	grpc.NewClient(addr, helpers.Insecure()) // want `grpc.NewClient gets no credentials;`
}

func computeOnPlaintext(addr string) {
	grpc.NewClient(addr, grpc.WithPerRPCCredentials(credsonly.Compute()), grpc.WithInsecure()) // want `oauth.NewComputeEngine credentials over`
}
