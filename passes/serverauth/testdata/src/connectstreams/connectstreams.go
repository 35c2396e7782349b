// Package connectstreams serves Connect handlers whose auth interceptor
// covers unary calls only, and handlers where that is harmless.
package connectstreams

import (
	"context"
	"errors"
	"net"
	"net/http"

	"connectrpc.com/connect"
	"golang.org/x/net/http2"
	"golang.org/x/net/http2/h2c"

	"connectstreams/lib"
	v1 "example.com/gen/ping/v1"
	"example.com/gen/ping/v1/pingv1connect"
)

type pingServer struct{}

func (pingServer) Ping(context.Context, *connect.Request[v1.PingRequest]) (*connect.Response[v1.PingResponse], error) {
	return connect.NewResponse(&v1.PingResponse{}), nil
}

func (pingServer) CountUp(context.Context, *connect.Request[v1.CountUpRequest], *connect.ServerStream[v1.CountUpResponse]) error {
	return nil
}

// unaryOnly leaves CountUp to the generated UnimplementedPingServiceHandler.
type unaryOnly struct {
	pingv1connect.UnimplementedPingServiceHandler
}

func (unaryOnly) Ping(context.Context, *connect.Request[v1.PingRequest]) (*connect.Response[v1.PingResponse], error) {
	return nil, nil
}

func newAuthInterceptor() connect.UnaryInterceptorFunc { // want newAuthInterceptor:"connect unary, auth"
	return func(next connect.UnaryFunc) connect.UnaryFunc {
		return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
			if req.Header().Get("Authorization") != "Bearer secret" {
				return nil, connect.NewError(connect.CodeUnauthenticated, errors.New("invalid token"))
			}
			return next(ctx, req)
		}
	}
}

func checkToken(next connect.UnaryFunc) connect.UnaryFunc { // want checkToken:"connect unary, auth"
	return connect.UnaryFunc(func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
		if !valid(req.Header().Values("authorization")) {
			return nil, connect.NewError(connect.CodePermissionDenied, nil)
		}
		return next(ctx, req)
	})
}

func valid([]string) bool { return false }

func logging(next connect.UnaryFunc) connect.UnaryFunc { // want logging:"connect unary"
	return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
		resp, err := next(ctx, req)
		if connect.CodeOf(err) == connect.CodeUnauthenticated { // after the call: not auth
			println("rejected")
		}
		return resp, err
	}
}

func Direct() error {
	mux := http.NewServeMux()
	mux.Handle(pingv1connect.NewPingServiceHandler(pingServer{}, connect.WithInterceptors(newAuthInterceptor()))) // want `unary-only auth interceptor newAuthInterceptor\(\.\.\.\) leaves PingService.CountUp open; authenticate in WrapStreamingHandler too`
	return http.ListenAndServe(":8080", h2c.NewHandler(mux, &http2.Server{}))
}

func Conversion(l net.Listener) error {
	interceptors := connect.WithInterceptors(connect.UnaryInterceptorFunc(checkToken)) // want `unary-only auth interceptor connect.UnaryInterceptorFunc\(checkToken\) leaves PingService.CountUp open`
	path, handler := pingv1connect.NewPingServiceHandler(&pingServer{}, interceptors)
	mux := http.NewServeMux()
	mux.Handle(path, handler)
	return http.Serve(l, mux)
}

func Slice() *http.Server {
	var opts []connect.HandlerOption
	opts = append(opts, connect.WithCompressMinBytes(512))
	opts = append(opts, connect.WithInterceptors(connect.UnaryInterceptorFunc(logging), lib.Authenticator{})) // want `unary-only auth interceptor lib.Authenticator{} leaves PingService.CountUp open`
	mux := http.NewServeMux()
	path, h := pingv1connect.NewPingServiceHandler(pingServer{}, connect.WithHandlerOptions(opts...))
	mux.Handle(path, h)
	return &http.Server{Addr: ":8080", Handler: h2c.NewHandler(mux, &http2.Server{})}
}

// Options from another package: the finding is at the call.
func CrossPackage() error {
	mux := http.NewServeMux()
	mux.Handle(pingv1connect.NewPingServiceHandler(pingServer{}, lib.HandlerOptions()...)) // want `unary-only auth interceptor AuthInterceptor\(\.\.\.\) leaves PingService.CountUp open`
	return http.ListenAndServe(":8080", mux)
}

func CrossPackageVar() error {
	mux := http.NewServeMux()
	mux.Handle(pingv1connect.NewPingServiceHandler(pingServer{}, lib.Options)) // want `unary-only auth interceptor AuthInterceptor\(\.\.\.\) leaves PingService.CountUp open`
	return http.ListenAndServe(":8080", mux)
}

func CrossPackageInterceptor() error {
	mux := http.NewServeMux()
	mux.Handle(pingv1connect.NewPingServiceHandler(pingServer{}, connect.WithInterceptors(lib.AuthInterceptor()))) // want `unary-only auth interceptor lib.AuthInterceptor\(\.\.\.\) leaves PingService.CountUp open`
	return http.ListenAndServe(":8080", mux)
}

func StripPrefix() error {
	api := http.NewServeMux()
	path, h := pingv1connect.NewPingServiceHandler(pingServer{}, connect.WithInterceptors(newAuthInterceptor())) // want `unary-only auth interceptor newAuthInterceptor`
	api.Handle(path, h)
	root := http.NewServeMux()
	root.Handle("/api/", http.StripPrefix("/api", api))
	srv := &http.Server{}
	srv.Handler = root
	return srv.ListenAndServe()
}

// Negative cases.

// Both halves authenticate.
func FullInterceptor() error {
	mux := http.NewServeMux()
	mux.Handle(pingv1connect.NewPingServiceHandler(pingServer{}, connect.WithInterceptors(newAuthInterceptor(), lib.NewFullAuth())))
	mux.Handle(pingv1connect.NewPingServiceHandler(pingServer{}, connect.WithInterceptors(&lib.FullAuth{})))
	return http.ListenAndServe(":8080", mux)
}

// A request gate runs before every stream type.
func Gate() error {
	mux := http.NewServeMux()
	gate := func(ctx context.Context, spec connect.Spec, peer connect.Peer, header http.Header) (context.Context, error) {
		return ctx, nil
	}
	mux.Handle(pingv1connect.NewPingServiceHandler(pingServer{}, connect.WithInterceptors(newAuthInterceptor()), connect.WithRequestGate(gate)))
	return http.ListenAndServe(":8080", mux)
}

// HTTP middleware in front of the mux may authenticate every request.
func Middleware() error {
	mux := http.NewServeMux()
	mux.Handle(pingv1connect.NewPingServiceHandler(pingServer{}, connect.WithInterceptors(newAuthInterceptor())))
	return http.ListenAndServe(":8080", requireToken(mux))
}

func requireToken(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			http.Error(w, "unauthenticated", http.StatusUnauthorized)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// The streaming procedure answers CodeUnimplemented to everybody.
func Unimplemented() error {
	mux := http.NewServeMux()
	mux.Handle(pingv1connect.NewPingServiceHandler(unaryOnly{}, connect.WithInterceptors(newAuthInterceptor())))
	return http.ListenAndServe(":8080", mux)
}

// No streaming procedure.
type echoServer struct{}

func (echoServer) Echo(context.Context, *connect.Request[v1.PingRequest]) (*connect.Response[v1.PingResponse], error) {
	return nil, nil
}

func UnaryService() error {
	mux := http.NewServeMux()
	mux.Handle(pingv1connect.NewEchoServiceHandler(echoServer{}, connect.WithInterceptors(newAuthInterceptor())))
	return http.ListenAndServe(":8080", mux)
}

// No auth interceptor at all, or one after the call.
func NoAuth() error {
	mux := http.NewServeMux()
	mux.Handle(pingv1connect.NewPingServiceHandler(pingServer{}, connect.WithInterceptors(connect.UnaryInterceptorFunc(logging), lib.LogInterceptor())))
	return http.ListenAndServe(":8080", mux)
}

// The mux goes to the caller, which may wrap it.
func Returned() http.Handler {
	mux := http.NewServeMux()
	mux.Handle(pingv1connect.NewPingServiceHandler(pingServer{}, connect.WithInterceptors(newAuthInterceptor())))
	return mux
}

// Options from a parameter, interceptors from a spread slice, and
// conditional options: the analyzer cannot see what they install.
func Unknown(opts ...connect.HandlerOption) error {
	mux := http.NewServeMux()
	mux.Handle(pingv1connect.NewPingServiceHandler(pingServer{}, append(opts, connect.WithInterceptors(newAuthInterceptor()))...))
	icpts := []connect.Interceptor{newAuthInterceptor()}
	mux.Handle(pingv1connect.NewPingServiceHandler(pingServer{}, connect.WithInterceptors(icpts...)))
	mux.Handle(pingv1connect.NewPingServiceHandler(pingServer{}, connect.WithInterceptors(newAuthInterceptor()),
		connect.WithConditionalHandlerOptions(func(connect.Spec) []connect.HandlerOption { return nil })))
	return http.ListenAndServe(":8080", mux)
}

// The server is mounted on the DefaultServeMux, which may be wrapped
// anywhere.
func DefaultMux() error {
	http.Handle(pingv1connect.NewPingServiceHandler(pingServer{}, connect.WithInterceptors(newAuthInterceptor())))
	return http.ListenAndServe(":8080", nil)
}

// One interceptor for clients and handlers, as Connect's documentation
// wrote it: the client branch calls next first.
func sharedInterceptor() connect.UnaryInterceptorFunc { // want sharedInterceptor:"connect unary, auth"
	interceptor := func(next connect.UnaryFunc) connect.UnaryFunc {
		return connect.UnaryFunc(func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
			if req.Spec().IsClient {
				req.Header().Set("Authorization", "Bearer secret")
				return next(ctx, req)
			}
			if req.Header().Get("Authorization") == "" {
				return nil, connect.NewError(connect.CodeUnauthenticated, errors.New("no token provided"))
			}
			return next(ctx, req)
		})
	}
	return connect.UnaryInterceptorFunc(interceptor)
}

func Shared() error {
	mux := http.NewServeMux()
	mux.Handle(pingv1connect.NewPingServiceHandler(pingServer{}, connect.WithInterceptors(sharedInterceptor()))) // want `unary-only auth interceptor sharedInterceptor\(\.\.\.\) leaves PingService.CountUp open`
	return http.ListenAndServe(":8080", mux)
}
