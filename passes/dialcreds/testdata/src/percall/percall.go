// Package percall attaches credentials per call, so its connections
// without credentials get the per-call message.
package percall

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/metadata"
)

func dial(addr string) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewTLS(nil))) // want `^grpc.NewClient gets no credentials, though this package attaches them per call; attach them once with grpc.WithPerRPCCredentials$`
}

func call(ctx context.Context, conn *grpc.ClientConn, token string) error {
	ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+token)
	return conn.Invoke(ctx, "/svc/M", nil, nil)
}
