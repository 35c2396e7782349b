package testfiles

import (
	"context"
	"testing"
)

func TestKeys(t *testing.T) {
	md := Incoming(context.Background())
	_ = md["X-Test"] // reported only with -metadatakey.tests
}

// Not judged with tests off; needed with -metadatakey.tests.
func TestDirective(t *testing.T) {
	md := Incoming(context.Background())
	//grpcauthlint:ignore metadatakey the test checks the raw map on purpose
	_ = md["X-Test"]
}
