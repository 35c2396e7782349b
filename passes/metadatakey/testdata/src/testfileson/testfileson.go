package testfileson

import (
	"context"

	"google.golang.org/grpc/metadata"
)

func Incoming(ctx context.Context) metadata.MD {
	md, _ := metadata.FromIncomingContext(ctx)
	_ = md["X-Prod"] // want `metadata key "X-Prod" never matches`
	return md
}
