// Package credsonly reaches grpc's credentials but not grpc itself: its
// credential helpers are still summarised.
package credsonly

import (
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/oauth"
)

func Compute() credentials.PerRPCCredentials { // want Compute:`tlscreds\(oauth.NewComputeEngine\)`
	return oauth.NewComputeEngine()
}
