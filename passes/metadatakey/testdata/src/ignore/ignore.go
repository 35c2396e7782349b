package ignore

import (
	"context"

	"google.golang.org/grpc/metadata"
)

func f(ctx context.Context) {
	md, _ := metadata.FromIncomingContext(ctx)
	//grpcauthlint:ignore metadatakey legacy peer sends this key through a proxy that keeps case
	_ = md["X-Legacy"]
	_ = md["X-Trailing"] //grpcauthlint:ignore dialcreds,metadatakey reviewed
	//grpcauthlint:ignore dialcreds not this pass
	_ = md["X-Other"] // want `metadata key "X-Other" never matches`
	//grpcauthlint:ignore metadatakey nothing to silence here // want `//grpcauthlint:ignore directive for metadatakey silences nothing: remove it`
	_ = md["fine"]
}
