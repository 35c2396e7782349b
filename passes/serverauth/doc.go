// Package serverauth defines an Analyzer that checks that gRPC servers
// authenticate every RPC.
//
// # Analyzer serverauth
//
// serverauth: check that gRPC servers authenticate every RPC
//
// A gRPC server authenticates in its interceptors, and grpc-go keeps the
// two halves apart: a unary interceptor never sees a streaming RPC. The
// analyzer reports:
//
//   - `stream-unauthenticated`: a grpc.NewServer whose options install an
//     auth interceptor with grpc.UnaryInterceptor or ChainUnaryInterceptor
//     and no stream interceptor at all, on a server that registers a
//     service with a streaming method. grpc-go then calls the streaming
//     handlers directly, so anybody may call them without a token. The
//     finding is at the unary option and names the streaming methods. A
//     constructor that builds the server and returns it (in the package or
//     another) is followed: each server it may return is judged against the
//     services its caller registers, and when the constructor is in another
//     package the finding is at its call.
//   - `plain-auth-error`: an auth interceptor (unary or stream) that
//     rejects a call, before calling its handler, with a plain error
//     (errors.New, fmt.Errorf without %w, or a package variable holding
//     one), and the AuthFunc given to go-grpc-middleware's auth
//     interceptors, which return its error as is. grpc-go sends a
//     non-status error as codes.Unknown, so clients cannot tell a missing
//     token from a crash.
//   - `second-interceptor`: a second grpc.UnaryInterceptor or
//     grpc.StreamInterceptor given to one server on every path: NewServer
//     panics ("The unary server interceptor was already set and may not be
//     reset."). Also when one of the two is given under a condition (an if
//     or else branch, a switch case) and the other on every path or under
//     the same condition: NewServer panics exactly when the condition
//     holds, and the message names it ("when gss.Auth != nil, ..."; "on one
//     branch" when it is too long to quote). Judged where the server is
//     built and in every function returning server options, whose callers
//     need not be visible: every server built from its options panics.
//   - `unknown-method`: a string constant compared with the method of the
//     current RPC (info.FullMethod, grpc.Method(ctx),
//     grpc.MethodFromServerStream, a client interceptor's method argument,
//     Connect's req.Spec().Procedure), in ==, != or a switch, or held in a map or slice literal that is
//     indexed or searched with it (slices.Contains), that names a generated
//     service the package can see but no method of it, differs from a real
//     method in case, or lacks the leading "/" (info.FullMethod is always
//     "/pkg.Service/Method"). When the generated X_Y_FullMethodName
//     (Connect: XYProcedure) constant can be named in the file, a suggested fix uses it; otherwise
//     the fix writes the right string.
//   - `validate-first`: a known request validator (go-grpc-middleware's
//     validator and protovalidate interceptors, v2, and v1's
//     grpc_validator) that runs before an auth interceptor (or one that
//     checks some methods only: those a fail-open table lists, or all
//     but those an early return lets through) on the unary side of one
//     server: listed before it in one ChainUnaryInterceptor
//     (or go-grpc-middleware v1's ChainUnaryServer and
//     WithUnaryServerChain), or installed by an earlier option (grpc.UnaryInterceptor's
//     interceptor runs before every chained one). A caller without a
//     token who sends a malformed request gets codes.InvalidArgument and
//     the validation message, not codes.Unauthenticated: the schema
//     leaks to anyone, and a "no token gets Unauthenticated" test fails.
//     The stream validators check each message in RecvMsg, which the
//     handler calls after every stream interceptor has run, so their
//     order is left alone; so are validators and auth interceptors given
//     on some paths only or from options the analyzer cannot see.
//   - `fail-open`: an auth interceptor that looks the current method up
//     in a table and calls its handler when the method is not there,
//     before any check: the !ok branch of a comma-ok lookup, a zero entry
//     (rules[m] == nil, !required[m]), a test of presence whose body
//     checks and after which the handler is called (if required[m] {
//     check }), a switch on the method whose cases check and whose
//     default, or the code after it, calls the handler. The table may be
//     a map or a slice of constants (slices.Contains), and the test may
//     sit in a helper of the package given the method (if skip(m),
//     if !needsAuth(m)).
//     Every method the table misses is served without the check. The
//     finding is at each registration (pb.RegisterXServer) on a server
//     whose grpc.NewServer call installs the interceptor (directly, in a
//     chain, or from a function returning it, in the package or
//     another), and names the methods of the interceptor's half (unary
//     or streaming) missing from the table; when the analyzer sees every
//     service of the server, the table's entries that name none of its
//     methods are named too (a wrong package in the string). Left
//     alone: tables of public
//     methods that skip auth while everything else is checked
//     (fail-closed), an absent branch that rejects, tables that list
//     every registered method, tables the analyzer cannot read whole (a
//     non-constant key, entries added at run time, a field), methods
//     left to an embedded UnimplementedXServer, and lookups after the
//     interceptor has already authenticated.
//   - `gateway-bypass`: grpc-gateway's generated
//     Register<X>HandlerServer(ctx, mux, impl) when impl (the same
//     variable, or a value of the same concrete type) is registered on a
//     grpc.Server of the package whose options install a unary auth
//     interceptor, and the mux reaches an HTTP server as it is
//     (http.ListenAndServe, http.ListenAndServeTLS, an http.Server's
//     Handler, http.Handle, or an http.ServeMux's Handle when that mux is
//     served so). The generated handlers call impl's methods directly,
//     without gRPC: the server's interceptors never run, and every HTTP
//     route of X reaches impl without authentication. Left alone:
//     Register<X>HandlerFromEndpoint and RegisterXHandler (they go
//     through the gRPC server), a mux wrapped in anything before it is
//     served, a mux with runtime.WithMiddlewares or options the analyzer
//     cannot see, and a mux passed where the analyzer cannot follow.
//   - `authz-policy`: a static authorization policy given to grpc-go's
//     authz.NewStatic that the analyzer can read (a constant, a
//     variable holding one, a file embedded with //go:embed, or a
//     parameter every caller in the package passes one for) and that
//     NewStatic rejects (unknown fields, missing "name" or
//     "allow_rules", unsupported header keys: the server cannot start),
//     or whose request paths match no method. grpc-go matches a path
//     against "/pkg.Service/Method" as it is written (exactly; "x*" as
//     a prefix, "*x" as a suffix): a path without the leading "/", a
//     service name alone, a different case, or a method the generated
//     service the package can see does not have, never matches. In a
//     deny rule the call it was meant to stop is let through; in an
//     allow rule the method is denied to everyone. The finding is at
//     the path in a raw string literal, else at the policy. Left alone:
//     paths of services the package cannot see, suffix patterns,
//     header keys (the translator lowercases them), audit logger names
//     (looked up at run time), and NewFileWatcher files (read at run
//     time from the working directory).
//   - `connect-stream-unauthenticated`: a Connect (connectrpc.com/connect
//     v1) handler built by a generated pb.NewXHandler whose options install
//     an auth interceptor that covers unary calls only (a
//     connect.UnaryInterceptorFunc, "no effect on streaming RPCs", or an
//     Interceptor whose WrapStreamingHandler returns next unchanged), and
//     nothing that may authenticate streams (another interceptor,
//     connect.WithRequestGate), for a service whose implementation serves
//     streaming procedures. Connect then calls the streaming procedures
//     with no auth, so anybody may call them. Options are followed through
//     connect.WithInterceptors, WithHandlerOptions, WithOptions, option
//     slices, package variables and helpers (in the package or another),
//     interceptors through helpers returning them and the methods of their
//     types. The handler is followed through local variables,
//     http.ServeMux.Handle, h2c.NewHandler and http.StripPrefix to
//     http.ListenAndServe, http.Serve or an http.Server's Handler; any
//     other wrapper (HTTP auth middleware such as connectrpc.com/authn), a
//     returned mux or http.DefaultServeMux keeps the rule silent, as do
//     streaming procedures left to the generated UnimplementedXHandler.
//     Connect v2's interceptors wrap every call shape.
//   - `kratos-stream-unauthenticated`: a go-kratos/kratos v2
//     transport/grpc.NewServer whose auth is given with grpc.Middleware
//     (jwt.Server, a selector.Server(...).Build() over it, or a middleware
//     that authenticates before it calls its handler, in the package or
//     another) or grpc.UnaryInterceptor, with no grpc.StreamInterceptor,
//     grpc.StreamMiddleware or stream interceptor in grpc.Options, on a
//     server that registers a service with a streaming method. kratos runs
//     grpc.Middleware in its unary interceptor only (v2.8.3; its stream
//     interceptor builds the stream middleware chain and drops it), so the
//     streaming handlers run with no auth (kratos issues 2617, 3351,
//     3405).
//
// An auth interceptor is one whose body, before it calls its handler,
// reads an auth key (authorization, and -auth-key) from incoming metadata,
// checks the peer's TLS or ALTS auth info (peer.Peer.AuthInfo,
// alts.AuthInfoFromContext), calls go-grpc-middleware's AuthFromMD, or
// rejects with codes.Unauthenticated or codes.PermissionDenied, itself or
// through a function it calls (in this package or another); the
// interceptors returned by go-grpc-middleware's auth.UnaryServerInterceptor
// and auth.StreamServerInterceptor (v1 and v2); and those named by
// -interceptor.
//
// Options are followed through direct arguments, []grpc.ServerOption
// slices built in the function (literals and appends, also under
// conditions), package variables, and helper functions returning options,
// in the package or another; the server is followed from the variable
// holding the result of grpc.NewServer, or of a constructor returning
// the server it builds (in the package or another; through variables
// and other constructors), to pb.RegisterXServer(s, ...),
// s.RegisterService(&pb.X_ServiceDesc, ...) and helpers that take the
// server. Whether a service streams is read from types alone: the methods
// of its generated server interface (grpc.ServerStreamingServer[T] and
// the other generic stream types, and the older per-method stream
// interfaces that embed grpc.ServerStream), or the Streams of its
// grpc.ServiceDesc.
//
// The analyzer stays silent when the stream side has any interceptor (it
// may authenticate); when an option comes from a parameter or anything it
// cannot see into (also in a constructor); when the server comes from a
// parameter or is stored elsewhere (a field, also one set from a
// constructor); when the server registers only unary services, or its
// registrations cannot be seen; for a second interceptor option given
// under conditions it does not name (in a loop, a function literal, a
// default case or type switch, a helper with several returns of
// options) or under two different conditions, which may never hold
// together; for streaming methods that the registered
// implementation, of a type the analyzer can see, leaves to its embedded
// UnimplementedXServer (they answer codes.Unimplemented to every caller,
// so nothing is served without the token); for interceptors it does not know to
// authenticate; for strings naming services the package cannot see (and
// services generated before protoc-gen-go-grpc 1.3, which have no
// X_Y_FullMethodName constants); and in _test.go files, unless -tests is
// set.
//
// A Connect interceptor authenticates as a gRPC one does, in Connect
// form: the function it returns reads the auth key from req.Header() or
// rejects with connect.CodeUnauthenticated or CodePermissionDenied
// before it calls next, itself or through a function it calls.
//
// What the analyzer cannot see, a test can: the authtest package
// (github.com/grpcauthlint/grpcauthlint/authtest) is its run-time
// complement. authtest.Require(t, srv) calls every method of the real
// server, with its real interceptors, without a token, and fails the test
// unless each answers codes.Unauthenticated.
//
// # Bad
//
//	s := grpc.NewServer(grpc.UnaryInterceptor(authUnary)) // Watch streams without auth
//	healthpb.RegisterHealthServer(s, health.NewServer())
//
//	func authUnary(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
//		md, _ := metadata.FromIncomingContext(ctx)
//		if !valid(md["authorization"]) {
//			return nil, errors.New("invalid token") // the client sees codes.Unknown
//		}
//		return h(ctx, req)
//	}
//
//	grpc.NewServer(grpc.UnaryInterceptor(logUnary), grpc.UnaryInterceptor(authUnary)) // panics
//
//	func (gss *ServerSettings) ToServerOption() []grpc.ServerOption {
//		var opts []grpc.ServerOption
//		if gss.Auth != nil {
//			opts = append(opts, grpc.UnaryInterceptor(authUnary))
//		}
//		return append(opts, grpc.UnaryInterceptor(traceUnary)) // when gss.Auth != nil, NewServer panics
//	}
//
//	var public = map[string]bool{
//		"grpc.health.v1.Health/Check": true, // no leading "/": never equal to info.FullMethod
//		"/grpc.health.v1.Health/Wach": true, // no such method
//	}
//
//	grpc.NewServer(grpc.ChainUnaryInterceptor(
//		validator.UnaryServerInterceptor(), // validate-first: InvalidArgument before auth
//		auth.UnaryServerInterceptor(authFunc),
//	))
//
//	authz.NewStatic(`{"name": "api", "allow_rules": [{"name": "all"}],
//		"deny_rules": [{"name": "no-delete", "request": {"paths": ["api.v1.Items/Delete"]}}]}`) // no "/": Delete is let through
//
//	mux := runtime.NewServeMux()
//	pb.RegisterItemsHandlerServer(ctx, mux, impl) // gateway-bypass: HTTP skips the gRPC server's auth interceptor
//	http.ListenAndServe(":8080", mux)
//
//	func authz(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
//		perm, ok := required[info.FullMethod]
//		if !ok {
//			return h(ctx, req) // fail-open: every method missing from the table is served unchecked
//		}
//		...
//	}
//
//	func newAuthInterceptor() connect.UnaryInterceptorFunc { // no effect on streaming RPCs
//		return func(next connect.UnaryFunc) connect.UnaryFunc {
//			return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
//				if !valid(req.Header().Get("Authorization")) {
//					return nil, connect.NewError(connect.CodeUnauthenticated, errors.New("invalid token"))
//				}
//				return next(ctx, req)
//			}
//		}
//	}
//
//	mux.Handle(pingv1connect.NewPingServiceHandler(srv, // CountUp streams without auth
//		connect.WithInterceptors(newAuthInterceptor())))
//
//	srv := kgrpc.NewServer(kgrpc.Middleware(jwt.Server(keyFunc))) // kratos: Watch streams without auth
//	healthpb.RegisterHealthServer(srv, h)
//
// # Good
//
//	s := grpc.NewServer(
//		grpc.ChainUnaryInterceptor(logUnary, authUnary),
//		grpc.ChainStreamInterceptor(authStream),
//	)
//	healthpb.RegisterHealthServer(s, health.NewServer())
//
//	func authUnary(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
//		md, _ := metadata.FromIncomingContext(ctx)
//		if !valid(md["authorization"]) {
//			return nil, status.Error(codes.Unauthenticated, "invalid token")
//		}
//		return h(ctx, req)
//	}
//
//	func (gss *ServerSettings) ToServerOption() []grpc.ServerOption {
//		var unary []grpc.UnaryServerInterceptor
//		if gss.Auth != nil {
//			unary = append(unary, authUnary)
//		}
//		return []grpc.ServerOption{grpc.ChainUnaryInterceptor(append(unary, traceUnary)...)}
//	}
//
//	var public = map[string]bool{
//		healthpb.Health_Check_FullMethodName: true,
//		healthpb.Health_Watch_FullMethodName: true,
//	}
//
//	grpc.NewServer(grpc.ChainUnaryInterceptor(
//		auth.UnaryServerInterceptor(authFunc),
//		validator.UnaryServerInterceptor(),
//	))
//
//	authz.NewStatic(`{"name": "api", "allow_rules": [{"name": "all"}],
//		"deny_rules": [{"name": "no-delete", "request": {"paths": ["/api.v1.Items/Delete"]}}]}`)
//
//	mux := runtime.NewServeMux()
//	pb.RegisterItemsHandlerFromEndpoint(ctx, mux, grpcAddr, dialOpts) // through the gRPC server and its interceptors
//	http.ListenAndServe(":8080", mux)
//
//	func authz(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
//		if public[info.FullMethod] {
//			return h(ctx, req) // a table of public methods: everything else is checked
//		}
//		...
//	}
//
//	type authInterceptor struct{}
//
//	func (authInterceptor) WrapUnary(next connect.UnaryFunc) connect.UnaryFunc {
//		return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
//			if err := check(req.Header()); err != nil {
//				return nil, err
//			}
//			return next(ctx, req)
//		}
//	}
//
//	func (authInterceptor) WrapStreamingHandler(next connect.StreamingHandlerFunc) connect.StreamingHandlerFunc {
//		return func(ctx context.Context, conn connect.StreamingHandlerConn) error {
//			if err := check(conn.RequestHeader()); err != nil {
//				return err
//			}
//			return next(ctx, conn)
//		}
//	}
//
//	func (authInterceptor) WrapStreamingClient(next connect.StreamingClientFunc) connect.StreamingClientFunc {
//		return next
//	}
//
//	mux.Handle(pingv1connect.NewPingServiceHandler(srv, connect.WithInterceptors(authInterceptor{})))
//
//	srv := kgrpc.NewServer(kgrpc.Middleware(jwt.Server(keyFunc)), kgrpc.StreamInterceptor(authStream))
//	healthpb.RegisterHealthServer(srv, h)
//
// # Flags
//
// -serverauth.tests (setting tests): also report findings in _test.go
// files. Off by default: test servers run without auth on purpose.
//
// -serverauth.interceptor (setting interceptor, a list): a server
// interceptor of yours that authenticates, or a function or method that
// returns one, in types.Func.FullName notation, such as
// "example.com/auth.Unary" or "(*example.com/auth.Verifier).Interceptor";
// drop the * for value receivers and interfaces. Repeatable; a value may
// hold several entries separated by commas. A malformed entry is an error
// naming it, when the flag is parsed or, for the golangci-lint setting,
// when the analyzers are built.
//
// -serverauth.auth-key (setting auth-key, a list): an incoming metadata
// key whose reading makes an interceptor an auth interceptor, such as
// "x-api-key". The default is "authorization"; the first use of the flag,
// like the setting, replaces it, so list authorization too to keep it.
// Keys must be lowercase metadata keys of [0-9a-z-_.]. The suite's
// -auth-key (top-level setting auth-key) sets this list and dialcreds'
// at once; this option, when given, replaces it for serverauth.
//
// Suppress a finding with a reason:
//
//	//grpcauthlint:ignore serverauth streams are authenticated by the mesh sidecar
package serverauth
