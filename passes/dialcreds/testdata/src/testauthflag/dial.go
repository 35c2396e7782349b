// Package testauthflag, checked with -tests: auth seen only in a test
// file marks the test's own connections, not the package's.
package testauthflag

import (
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func Dial(addr string) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials())) // want `^grpc.NewClient gets no credentials; add grpc.WithPerRPCCredentials$`
}
