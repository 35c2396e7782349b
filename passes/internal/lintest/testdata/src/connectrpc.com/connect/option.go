package connect

import (
	"context"
	"net/http"
)

type ClientOption interface {
	applyToClient(*clientConfig)
}

type HandlerOption interface {
	applyToHandler(*handlerConfig)
}

type Option interface {
	ClientOption
	HandlerOption
}

type clientConfig struct{}

type handlerConfig struct{}

type option struct{}

func (option) applyToClient(*clientConfig)   {}
func (option) applyToHandler(*handlerConfig) {}

func WithClientOptions(options ...ClientOption) ClientOption { return option{} }

func WithGRPC() ClientOption { return option{} }

func WithHandlerOptions(options ...HandlerOption) HandlerOption { return option{} }

type RequestGateFunc func(ctx context.Context, spec Spec, peer Peer, header http.Header) (context.Context, error)

func WithRequestGate(gate RequestGateFunc) HandlerOption { return option{} }

func WithConditionalHandlerOptions(conditional func(spec Spec) []HandlerOption) HandlerOption {
	return option{}
}

func WithRecover(handle func(context.Context, Spec, http.Header, any) error) HandlerOption {
	return option{}
}

func WithSchema(schema any) Option { return option{} }

func WithCompressMinBytes(minBytes int) Option { return option{} }

func WithReadMaxBytes(maxBytes int) Option { return option{} }

func WithInterceptors(interceptors ...Interceptor) Option { return option{} }

func WithOptions(options ...Option) Option { return option{} }
