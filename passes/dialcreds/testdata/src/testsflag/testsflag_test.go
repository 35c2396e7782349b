package testsflag

import (
	"testing"

	"google.golang.org/grpc"
)

func TestDial(t *testing.T) {
	grpc.NewClient("localhost:1", grpc.WithInsecure()) // want `grpc.NewClient gets no credentials;`
	grpc.WithPerRPCCredentials(nil)                    // want `is discarded`
}

func TestDirective(t *testing.T) {
	//grpcauthlint:ignore dialcreds an in-process server that needs no token
	grpc.NewClient("localhost:1", grpc.WithInsecure())
}
