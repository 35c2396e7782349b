// Package server reads and writes metadata on the server side of real
// grpc-go v1.85.0.
package server

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

const tenantHeader = "X-Tenant"

func Authorize(ctx context.Context) (string, bool) {
	md, ok := metadata.FromIncomingContext(ctx)
	if !ok {
		return "", false
	}
	vals := md["Authorization"] // want "metadatakey: metadata key \"Authorization\" never matches: incoming keys are lowercase; use \"authorization\""
	if len(vals) == 0 {
		return "", false
	}
	_ = md[tenantHeader] // want "metadatakey: metadata key \"X-Tenant\" never matches: incoming keys are lowercase; use \"x-tenant\""
	_ = md[":authority"]
	_ = metadata.ValueFromIncomingContext(ctx, "X-Request-Id") // want "metadatakey: metadata key \"X-Request-Id\" is lowercased by metadata.ValueFromIncomingContext; write \"x-request-id\""
	return vals[0], true
}

func Reply(ctx context.Context, stream grpc.ServerStream) error {
	if err := grpc.SetHeader(ctx, metadata.MD{"X-Server-Version": {"1"}}); err != nil { // want "metadatakey: metadata key \"X-Server-Version\" has uppercase letters: the client rejects the response; use \"x-server-version\""
		return err
	}
	//grpcauthlint:ignore metadatakey the gateway in front of this server rewrites header case
	_ = stream.SetHeader(metadata.MD{"X-Legacy": {"1"}})
	return stream.SendHeader(metadata.Pairs("grpc-status", "0")) // want "metadatakey: metadata key \"grpc-status\" is a reserved header that gRPC drops; return the status as an error from status.Error"
}
