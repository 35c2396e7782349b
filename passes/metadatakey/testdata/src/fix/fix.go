package fix

import (
	"context"

	"google.golang.org/grpc/metadata"
)

const authKey = "Authorization"

const sharedKey = "X-Shared"

func Exported() string { return sharedKey }

func f(ctx context.Context) {
	md, _ := metadata.FromIncomingContext(ctx)
	_ = md["X-User"]    // want `metadata key "X-User" never matches`
	_ = md[`X-Raw`]     // want `metadata key "X-Raw" never matches`
	_ = md[authKey]     // want `metadata key "Authorization" never matches`
	_ = md.Get(authKey) // want `metadata key "Authorization" is lowercased by metadata\.MD\.Get; write "authorization"`
	_ = md[sharedKey]   // want `metadata key "X-Shared" never matches`
	_ = md["X"+"Y"]     // want `metadata key "XY" never matches`
}
