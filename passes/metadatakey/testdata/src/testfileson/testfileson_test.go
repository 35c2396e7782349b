package testfileson

import (
	"context"
	"testing"
)

func TestKeys(t *testing.T) {
	md := Incoming(context.Background())
	_ = md["X-Test"] // want `metadata key "X-Test" never matches`
}
