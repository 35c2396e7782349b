// Package mdkeys uses grpc-go v1.45.0: before client-side key
// validation, NewClient and ValueFromIncomingContext, and while
// grpc-status-details-bin was still a reserved header.
package mdkeys

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

func Forward(ctx context.Context) context.Context {
	in, _ := metadata.FromIncomingContext(ctx)
	out := metadata.MD{}
	out["X-Forwarded-For"] = in["X-Real-IP"] // want "metadatakey: metadata key \"X-Forwarded-For\" has uppercase letters: HTTP/2 servers reject it; use \"x-forwarded-for\"" "metadatakey: metadata key \"X-Real-IP\" never matches: incoming keys are lowercase; use \"x-real-ip\""
	for k := range in {
		if k == "Authorization" { // want "metadatakey: metadata key \"Authorization\" never matches: incoming keys are lowercase; use \"authorization\""
			out.Set("Authorization", in.Get("authorization")...) // want "metadatakey: metadata key \"Authorization\" is lowercased by metadata.MD.Set; write \"authorization\""
		}
	}
	return metadata.NewOutgoingContext(ctx, out)
}

func Trailer(ctx context.Context, details string) error {
	return grpc.SetTrailer(ctx, metadata.Pairs("grpc-status-details-bin", details)) // want "metadatakey: metadata key \"grpc-status-details-bin\" is a reserved header that gRPC drops; return the status as an error from status.Error"
}
