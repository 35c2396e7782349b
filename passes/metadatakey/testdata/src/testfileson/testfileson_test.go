package testfileson

import (
	"context"
	"testing"
)

func TestKeys(t *testing.T) {
	md := Incoming(context.Background())
	_ = md["X-Test"] // want `metadata key "X-Test" never matches`
}

func TestDirective(t *testing.T) {
	md := Incoming(context.Background())
	//grpcauthlint:ignore metadatakey the test checks the raw map on purpose
	_ = md["X-Test"]
}
