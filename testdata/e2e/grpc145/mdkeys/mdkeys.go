// Package mdkeys uses grpc-go v1.45.0: before client-side key
// validation, NewClient and ValueFromIncomingContext.
package mdkeys

import (
	"context"

	"google.golang.org/grpc/metadata"
)

func Forward(ctx context.Context) context.Context {
	in, _ := metadata.FromIncomingContext(ctx)
	out := metadata.MD{}
	out["X-Forwarded-For"] = in["X-Real-IP"] // want "metadatakey: metadata key \"X-Forwarded-For\" has uppercase letters: a client sending it fails the RPC" "metadatakey: metadata key \"X-Real-IP\" never matches: incoming metadata keys are lowercase"
	for k := range in {
		if k == "Authorization" { // want "metadatakey: metadata key \"Authorization\" never matches"
			out.Set("Authorization", in.Get("authorization")...) // want "metadatakey: metadata key \"Authorization\" is lowercased by MD.Set"
		}
	}
	return metadata.NewOutgoingContext(ctx, out)
}
