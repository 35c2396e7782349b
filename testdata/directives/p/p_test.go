package p

import "testing"

func TestF(t *testing.T) {
	//grpcauthlint:ignore dialcred misspelt in a test file, which is judged too
	_ = f()
}
