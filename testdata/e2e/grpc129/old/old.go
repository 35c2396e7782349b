// Package old uses grpc-go v1.29.1: no NewClient, no MD.Delete, no
// ValueFromIncomingContext, and grpc-status-details-bin reserved.
package old

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

func Dial(ctx context.Context, target string) (*grpc.ClientConn, error) {
	ctx = metadata.AppendToOutgoingContext(ctx, "X-Client", "old")                            // want "metadatakey: metadata key \"X-Client\" is lowercased by metadata.AppendToOutgoingContext"
	return grpc.DialContext(ctx, target, grpc.WithInsecure(), grpc.WithUnaryInterceptor(nil)) // want "dialcreds: metadata attached to the context of grpc.DialContext is never sent"
}

func Trailer(ctx context.Context, details string) error {
	return grpc.SetTrailer(ctx, metadata.Pairs("grpc-status-details-bin", details)) // want "metadatakey: metadata key \"grpc-status-details-bin\" is a reserved header that gRPC drops; return the status as an error from status.Error"
}

func Read(ctx context.Context) []string {
	md, _ := metadata.FromIncomingContext(ctx)
	return md["Authorization"] // want "metadatakey: metadata key \"Authorization\" never matches"
}
