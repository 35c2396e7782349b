// Package errors is a stub of github.com/go-kratos/kratos/v2/errors (v2.8.3).
package errors

type Error struct {
	Code   int32
	Reason string
}

func (e *Error) Error() string { return e.Reason }

func Unauthorized(reason, message string) *Error { return &Error{Code: 401, Reason: reason} }

func Forbidden(reason, message string) *Error { return &Error{Code: 403, Reason: reason} }
