package exempt

import (
	"testing"

	"google.golang.org/grpc"
)

func TestDial(t *testing.T) {
	grpc.NewClient("localhost:1", grpc.WithInsecure())
	grpc.WithPerRPCCredentials(nil)
}
