package testfiles

import (
	"context"
	"testing"
)

func TestKeys(t *testing.T) {
	md := Incoming(context.Background())
	_ = md["X-Test"] // reported only with -metadatakey.tests
}
