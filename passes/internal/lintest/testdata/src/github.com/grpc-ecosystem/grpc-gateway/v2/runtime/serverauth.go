package runtime

import (
	"context"
	"net/http"
)

type ServeMuxOption func(*ServeMux)

type HandlerFunc func(w http.ResponseWriter, r *http.Request, pathParams map[string]string)

type Middleware func(HandlerFunc) HandlerFunc

func WithMiddlewares(middlewares ...Middleware) ServeMuxOption { return nil }

func WithMetadata(annotator func(context.Context, *http.Request) map[string][]string) ServeMuxOption {
	return nil
}

func (s *ServeMux) ServeHTTP(w http.ResponseWriter, r *http.Request) {}
