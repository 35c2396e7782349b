// Package discard: credentials and interceptor options built and thrown
// away.
package discard

import (
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
)

func build(addr string, c credentials.PerRPCCredentials, ui grpc.UnaryClientInterceptor, opts []grpc.DialOption) []grpc.DialOption { // want build:`dialopts\(auth\)`
	grpc.WithPerRPCCredentials(c)                                // want `^the DialOption built by grpc.WithPerRPCCredentials is discarded; pass it to grpc.NewClient$`
	grpc.WithChainUnaryInterceptor(ui)                           // want `the DialOption built by grpc.WithChainUnaryInterceptor is discarded`
	_ = grpc.WithTransportCredentials(insecure.NewCredentials()) // want `the DialOption built by grpc.WithTransportCredentials is discarded`
	(grpc.WithDefaultCallOptions(grpc.PerRPCCredentials(c)))     // want `the DialOption built by grpc.WithDefaultCallOptions is discarded`
	grpc.WithBlock()
	grpc.PerRPCCredentials(c) // want `^the CallOption built by grpc.PerRPCCredentials is discarded; pass it to the RPC$`
	opts = append(opts, grpc.WithPerRPCCredentials(c))
	return opts
}
