package consts

import (
	"context"

	"consts/other"

	"google.golang.org/grpc/metadata"
)

const localKey = "x-local"

const tenant = "Tenant"

func f(ctx context.Context) {
	md, _ := metadata.FromIncomingContext(ctx)
	_ = md[other.AuthHeader]    // want `metadata key "Authorization" never matches: incoming keys are lowercase; use "authorization"`
	_ = md[other.Prefix+"User"] // want `metadata key "X-User" never matches`
	_ = md[other.Prefix+"user"] // want `metadata key "X-user" never matches`
	_ = md["x-"+"user"]
	_ = md[localKey]
	_ = md[tenant] // want `metadata key "Tenant" never matches`
	_ = tenant     // another use: no declaration fix for tenant
}
