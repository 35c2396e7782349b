package exempt

import (
	"testing"

	"google.golang.org/grpc"
)

func TestDial(t *testing.T) {
	grpc.NewClient("localhost:1", grpc.WithInsecure())
	grpc.WithPerRPCCredentials(nil)
}

func TestDirective(t *testing.T) {
	//grpcauthlint:ignore dialcreds test files are not checked: not judged either
	grpc.NewClient("localhost:1", grpc.WithInsecure())
}
