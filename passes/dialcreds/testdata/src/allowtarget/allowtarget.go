// Package allowtarget is checked with -dialcreds.allow-target.
package allowtarget

import "google.golang.org/grpc"

const sidecar = "localhost:15001"

func dial(addr string) {
	grpc.NewClient("localhost:8080", grpc.WithInsecure())
	grpc.NewClient(sidecar, grpc.WithInsecure())
	grpc.NewClient("db.internal", grpc.WithInsecure())
	grpc.NewClient("api.example.com:443", grpc.WithInsecure()) // want `grpc.NewClient gets no credentials;`
	grpc.NewClient(addr, grpc.WithInsecure())                  // want `grpc.NewClient gets no credentials;`
}
