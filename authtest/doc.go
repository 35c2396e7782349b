// Package authtest tests that every RPC of a grpc-go server requires a
// token: it calls each method of the server in process, without
// credentials, and checks that each answers codes.Unauthenticated.
//
// It is the test every gRPC auth troubleshooting guide ends with, written
// once for all methods: new methods are covered the day they are
// registered, and nobody has to keep a list of them. It runs on the real
// *grpc.Server with its real interceptors, so it finds what the
// serverauth check of grpcauthlint cannot see statically: an auth
// interceptor that skips streams, a policy table that lets through the
// methods it does not list, an override that opens a service, validation
// that answers before auth, an auth error that is not a status.
//
// # Use
//
// Build the server as main does, register its services, and give it to
// Require in a test:
//
//	package server
//
//	import (
//		"testing"
//
//		"github.com/grpcauthlint/grpcauthlint/authtest"
//		pb "example.com/shop/gen/orders/v1"
//	)
//
//	func TestEveryRPCRequiresAToken(t *testing.T) {
//		srv := NewGRPCServer(testConfig(t)) // the *grpc.Server main serves, with fakes behind it
//		authtest.Require(t, srv,
//			authtest.Exempt(pb.Orders_Ping_FullMethodName), // public on purpose
//		)
//	}
//
// When a method answers anything else, Require stops the test with a
// table, here for grpc-go's test service behind a unary-only auth
// interceptor:
//
//	authtest: 3 of 8 methods called without a token did not answer codes.Unauthenticated:
//
//	METHOD                                         KIND           CODE  REASON
//	/grpc.testing.TestService/FullDuplexCall       bidi stream    OK    served without a token
//	/grpc.testing.TestService/StreamingInputCall   client stream  OK    served without a token
//	/grpc.testing.TestService/StreamingOutputCall  server stream  OK    served without a token
//
// Check returns the same findings as a Report, for tests of their own.
//
// # What is called, and how
//
// The methods come from (*grpc.Server).GetServiceInfo. A unary method is
// called with an empty request (zero bytes, which decode into any
// protobuf message); a client or bidi stream is opened and half-closed
// without a message; a server stream gets one empty request, as its
// generated handler expects, and is half-closed. Each call is read until
// its status (a server stream that sends a message has been served, and
// is cancelled there), and each has a deadline (Timeout, DefaultTimeout).
// Up to 8 calls run at once.
//
// A server with an unknown-service handler (grpc.UnknownServiceHandler)
// is also called once at UnregisteredMethod.
//
// The services of DefaultExemptServices (health, reflection v1 and
// v1alpha, channelz) are exempt, unless NoDefaultExemptions withdraws
// them; Exempt and ExemptService add exemptions. Exempt methods are not
// called. An exemption naming nothing registered is an error.
//
// WithMetadata adds headers to every call (a tenant id checked before the
// token; or a malformed token, to see what a wrong one gets).
// WithDialOptions configures the client, such as the TLS credentials and
// client certificate of a server built with grpc.Creds; if the client
// cannot connect, Check returns an error saying why, after Timeout at most.
//
// # The verdict
//
// The status code is the verdict. codes.Unauthenticated passes. Every
// other code fails, and the table says why: OK (the method was served),
// Unknown (an auth check that returned a plain error: grpc-go sends any
// error that is not a status as Unknown), InvalidArgument (the request
// was validated before the token was checked), PermissionDenied (a
// missing token is Unauthenticated), DeadlineExceeded (the handler ran
// until the deadline). codes.Unimplemented, the answer of a method left to
// the generated UnimplementedXServer, is listed apart (Unimplemented) and
// fails Require only with FailUnimplemented: it serves nothing, but it
// answered before any auth check.
//
// # The server
//
// Check serves srv with srv.Serve on an in-memory listener
// (google.golang.org/grpc/test/bufconn): nothing listens on the network.
// When done, it closes its client connection and that listener, so that
// Serve returns; it never calls srv.Stop or srv.GracefulStop. The server
// stays usable, can be checked again or served elsewhere, and is the
// caller's to stop (t.Cleanup(srv.Stop)). A server that was stopped
// cannot be served: Check reports it.
//
// # Limits
//
// Seen, because the call goes through the whole server: interceptors of
// every kind (grpc.UnaryInterceptor, the Chain options, libraries such as
// go-grpc-middleware's auth), stream interceptors missing, policy tables
// and per-service overrides, checks written inside handlers, validation
// before auth, tap handles, unknown-service handlers.
//
// Not seen:
//   - Checks that depend on request values: every request is empty, so an
//     interceptor that authenticates only some field values, or only
//     requests that name a tenant, passes or fails on that empty request
//     alone.
//   - What a wrong token gets (no token is sent); add a malformed one with
//     WithMetadata and run Check again.
//   - Authorization: whether a valid token of another user is refused.
//   - Paths that do not go through this *grpc.Server: grpc-gateway's
//     RegisterXHandlerServer, which calls the implementation directly,
//     plain HTTP handlers, another server in the same binary.
//   - Auth done outside the process (a mesh sidecar, a proxy): the sweep
//     reports every method as served.
//   - Servers that authenticate only by client certificate: with the
//     certificate in WithDialOptions every call is authenticated; without
//     it nothing connects.
//   - Requests the server cannot decode from zero bytes: with a codec that
//     rejects them (grpc.ForceServerCodec with JSON, say), a unary call
//     answers Internal before any interceptor runs.
//
// Handlers that the sweep reaches run for real, with an empty request and
// no identity: build the server on fakes or in-memory stores, never on
// production dependencies, and exempt what must not be called. A handler
// that panics on an empty request crashes the test binary, as it would
// crash the server, unless a recovery interceptor runs first. A handler
// that ignores its context's cancellation keeps running after Check
// returns.
package authtest
