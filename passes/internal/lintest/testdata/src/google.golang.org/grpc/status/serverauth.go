// Package status is a stub of google.golang.org/grpc/status for the
// analysistest cases.
package status

import "google.golang.org/grpc/codes"

type Status struct{}

func New(c codes.Code, msg string) *Status               { return nil }
func Newf(c codes.Code, format string, a ...any) *Status { return nil }
func Error(c codes.Code, msg string) error               { return nil }
func Errorf(c codes.Code, format string, a ...any) error { return nil }
func FromError(err error) (s *Status, ok bool)           { return nil, false }
func Convert(err error) *Status                          { return nil }
func Code(err error) codes.Code                          { return 0 }
func (s *Status) Err() error                             { return nil }
func (s *Status) Code() codes.Code                       { return 0 }
func (s *Status) Message() string                        { return "" }
