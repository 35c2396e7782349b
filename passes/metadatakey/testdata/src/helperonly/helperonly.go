// Package helperonly gets an MD from another package's helper and never
// imports metadata itself: the fast path must not skip it.
package helperonly

import (
	"context"

	"server"
)

func f(ctx context.Context) {
	md := server.Incoming(ctx)
	_ = md["Authorization"] // want `metadata key "Authorization" never matches: keys are lowercase; use "authorization"`
}
