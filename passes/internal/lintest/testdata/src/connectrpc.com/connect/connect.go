// Package connect is a stub of connectrpc.com/connect v1.21.1: only
// the declarations the passes need, with the real signatures.
package connect

import (
	"context"
	"errors"
	"net/http"
	"net/url"
)

const IsAtLeastVersion1_13_0 = true

type StreamType uint8

const (
	StreamTypeUnary  StreamType = 0b00
	StreamTypeClient StreamType = 0b01
	StreamTypeServer StreamType = 0b10
	StreamTypeBidi              = StreamTypeClient | StreamTypeServer
)

type Spec struct {
	StreamType       StreamType
	Schema           any
	Procedure        string
	IsClient         bool
	IdempotencyLevel int
}

type Peer struct {
	Addr     string
	Protocol string
	Query    url.Values
}

type AnyRequest interface {
	Any() any
	Spec() Spec
	Peer() Peer
	Header() http.Header
	HTTPMethod() string

	internalOnly()
}

type AnyResponse interface {
	Any() any
	Header() http.Header
	Trailer() http.Header

	internalOnly()
}

type Request[T any] struct {
	Msg *T
}

func NewRequest[T any](message *T) *Request[T] { return &Request[T]{Msg: message} }

func (r *Request[_]) Any() any            { return r.Msg }
func (r *Request[_]) Spec() Spec          { return Spec{} }
func (r *Request[_]) Peer() Peer          { return Peer{} }
func (r *Request[_]) Header() http.Header { return nil }
func (r *Request[_]) HTTPMethod() string  { return "" }
func (r *Request[_]) internalOnly()       {}

type Response[T any] struct {
	Msg *T
}

func NewResponse[T any](message *T) *Response[T] { return &Response[T]{Msg: message} }

func (r *Response[_]) Any() any             { return r.Msg }
func (r *Response[_]) Header() http.Header  { return nil }
func (r *Response[_]) Trailer() http.Header { return nil }
func (r *Response[_]) internalOnly()        {}

type StreamingHandlerConn interface {
	Spec() Spec
	Peer() Peer
	Receive(any) error
	RequestHeader() http.Header
	Send(any) error
	ResponseHeader() http.Header
	ResponseTrailer() http.Header
}

type StreamingClientConn interface {
	Spec() Spec
	Peer() Peer
	Send(any) error
	RequestHeader() http.Header
	CloseRequest() error
	Receive(any) error
	ResponseHeader() http.Header
	ResponseTrailer() http.Header
	CloseResponse() error
}

type Code uint32

const (
	CodeCanceled         Code = 1
	CodeUnknown          Code = 2
	CodeInvalidArgument  Code = 3
	CodePermissionDenied Code = 7
	CodeUnimplemented    Code = 12
	CodeInternal         Code = 13
	CodeUnauthenticated  Code = 16
)

type Error struct {
	code Code
	err  error
}

func NewError(c Code, underlying error) *Error { return &Error{code: c, err: underlying} }

func (e *Error) Error() string { return "" }
func (e *Error) Code() Code    { return e.code }

func CodeOf(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.code
	}
	return CodeUnknown
}

type ServerStream[Res any] struct{}

func (s *ServerStream[Res]) Send(msg *Res) error         { return nil }
func (s *ServerStream[Res]) RequestHeader() http.Header  { return nil }
func (s *ServerStream[Res]) ResponseHeader() http.Header { return nil }

type ClientStream[Req any] struct{}

func (c *ClientStream[Req]) Receive() bool              { return false }
func (c *ClientStream[Req]) Msg() *Req                  { return nil }
func (c *ClientStream[Req]) Err() error                 { return nil }
func (c *ClientStream[Req]) RequestHeader() http.Header { return nil }

type BidiStream[Req, Res any] struct{}

func (b *BidiStream[Req, Res]) Receive() (*Req, error)     { return nil, nil }
func (b *BidiStream[Req, Res]) Send(msg *Res) error        { return nil }
func (b *BidiStream[Req, Res]) RequestHeader() http.Header { return nil }

type ServerStreamForClient[Res any] struct{}

func (s *ServerStreamForClient[Res]) Receive() bool { return false }
func (s *ServerStreamForClient[Res]) Msg() *Res     { return nil }
func (s *ServerStreamForClient[Res]) Err() error    { return nil }
func (s *ServerStreamForClient[Res]) Close() error  { return nil }

type ClientStreamForClient[Req, Res any] struct{}

func (c *ClientStreamForClient[Req, Res]) RequestHeader() http.Header               { return nil }
func (c *ClientStreamForClient[Req, Res]) Send(request *Req) error                  { return nil }
func (c *ClientStreamForClient[Req, Res]) CloseAndReceive() (*Response[Res], error) { return nil, nil }

type BidiStreamForClient[Req, Res any] struct{}

func (b *BidiStreamForClient[Req, Res]) RequestHeader() http.Header { return nil }
func (b *BidiStreamForClient[Req, Res]) Send(msg *Req) error        { return nil }
func (b *BidiStreamForClient[Req, Res]) Receive() (*Res, error)     { return nil, nil }

type HTTPClient interface {
	Do(*http.Request) (*http.Response, error)
}

type Client[Req, Res any] struct{}

func NewClient[Req, Res any](httpClient HTTPClient, url string, options ...ClientOption) *Client[Req, Res] {
	return &Client[Req, Res]{}
}

func (c *Client[Req, Res]) CallUnary(ctx context.Context, request *Request[Req]) (*Response[Res], error) {
	return nil, nil
}

func (c *Client[Req, Res]) CallClientStream(ctx context.Context) *ClientStreamForClient[Req, Res] {
	return nil
}

func (c *Client[Req, Res]) CallServerStream(ctx context.Context, request *Request[Req]) (*ServerStreamForClient[Res], error) {
	return nil, nil
}

func (c *Client[Req, Res]) CallBidiStream(ctx context.Context) *BidiStreamForClient[Req, Res] {
	return nil
}

type Handler struct{}

func (h *Handler) ServeHTTP(responseWriter http.ResponseWriter, request *http.Request) {}

func NewUnaryHandler[Req, Res any](
	procedure string,
	unary func(context.Context, *Request[Req]) (*Response[Res], error),
	options ...HandlerOption,
) *Handler {
	return nil
}

func NewServerStreamHandler[Req, Res any](
	procedure string,
	implementation func(context.Context, *Request[Req], *ServerStream[Res]) error,
	options ...HandlerOption,
) *Handler {
	return nil
}
