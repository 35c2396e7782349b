package server

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

// Since grpc-go 1.59 grpc-status-details-bin is no longer reserved.
func Details(ctx context.Context, details string) error {
	return grpc.SetTrailer(ctx, metadata.Pairs("grpc-status-details-bin", details))
}
