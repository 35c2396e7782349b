// Package transport is a stub of github.com/go-kratos/kratos/v2/transport (v2.8.3).
package transport

import "context"

type Header interface {
	Get(key string) string
	Set(key string, value string)
	Add(key string, value string)
	Keys() []string
	Values(key string) []string
}

type Transporter interface {
	Endpoint() string
	Operation() string
	RequestHeader() Header
	ReplyHeader() Header
}

type serverTransportKey struct{}

func FromServerContext(ctx context.Context) (tr Transporter, ok bool) {
	tr, ok = ctx.Value(serverTransportKey{}).(Transporter)
	return
}
