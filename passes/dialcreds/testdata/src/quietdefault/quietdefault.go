// Package quietdefault dials without credentials and shows no sign of
// using auth: only -dialcreds.all-connections reports it.
package quietdefault

import (
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func Dial(target string) (*grpc.ClientConn, error) {
	return grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()))
}
