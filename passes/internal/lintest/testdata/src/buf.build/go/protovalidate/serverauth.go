// Package protovalidate is a stub of buf.build/go/protovalidate for the
// analysistest cases (the real Validate takes a proto.Message).
package protovalidate

type Validator interface {
	Validate(msg any, options ...ValidationOption) error
}

type ValidationOption interface{ applyToValidation() }

type ValidatorOption interface{ applyToValidator() }

func New(options ...ValidatorOption) (Validator, error) { return nil, nil }
