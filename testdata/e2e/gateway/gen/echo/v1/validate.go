package echov1

import "errors"

// Validate is what protoc-gen-validate would generate: the request
// validators of go-grpc-middleware call it. (Written by hand; gen.sh
// keeps this file.)
func (r *EchoRequest) Validate() error {
	if r.GetMessage() == "" {
		return errors.New("invalid EchoRequest.Message: value length must be at least 1 runes")
	}
	return nil
}
