// Package percallmd attaches the authorization header per call in an MD
// literal and through metadata.New.
package percallmd

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
)

func dial(addr string) {
	grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials())) // want `grpc.NewClient gets no credentials, though this package attaches them per call;`
}

func withToken(ctx context.Context, tok string) context.Context {
	return metadata.NewOutgoingContext(ctx, metadata.MD{"authorization": {"Bearer " + tok}})
}

func withToken2(ctx context.Context, tok string) context.Context {
	return metadata.NewOutgoingContext(ctx, metadata.New(map[string]string{"Authorization": "Bearer " + tok}))
}
