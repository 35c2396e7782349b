// Package ignore: the //grpcauthlint:ignore directive.
package ignore

import "google.golang.org/grpc"

func dial(addr string) {
	//grpcauthlint:ignore dialcreds the sidecar on localhost adds credentials
	grpc.NewClient(addr, grpc.WithInsecure())
	grpc.NewClient(addr, grpc.WithInsecure()) //grpcauthlint:ignore dialcreds,credpath mesh mTLS
	//grpcauthlint:ignore credpath not this pass
	grpc.NewClient(addr, grpc.WithInsecure()) // want `grpc.NewClient gets no credentials;`
	//grpcauthlint:ignore dialcreds nothing to silence here // want `silences nothing`
	grpc.NewClient(addr, grpc.WithPerRPCCredentials(nil), grpc.WithInsecure())
}
