// Package lostmetadata defines an Analyzer that reports outgoing gRPC
// metadata replaced by metadata.NewOutgoingContext where it should have
// been extended.
//
// # Analyzer lostmetadata
//
// lostmetadata: check for outgoing metadata replaced instead of extended
//
// metadata.NewOutgoingContext(ctx, md) does not add md to the outgoing
// metadata of ctx: it replaces it, and "will overwrite any
// previously-appended metadata" (grpc-go metadata/metadata.go). In a
// client interceptor that adds a request id or a tracing header, it
// throws away whatever the caller put on the context, its authorization
// header among it, and every call through the interceptor fails with
// codes.Unauthenticated. metadata.AppendToOutgoingContext, or
// metadata.Join(old, md) with old from metadata.FromOutgoingContext(ctx),
// keep it.
//
// The analyzer reports metadata.NewOutgoingContext(ctx, md) when ctx may
// already carry outgoing metadata and md does not include it, under one
// of two rules:
//
//   - `drops-caller-metadata`: ctx is the context parameter of a client
//     interceptor (unary or stream: a function declaration, a method or
//     a function literal with the shape of grpc.UnaryClientInterceptor
//     or grpc.StreamClientInterceptor), or derives from it through
//     context.WithTimeout, WithCancel, WithValue and the like. The
//     caller's metadata, its authorization header among it, is gone:
//     every call through the interceptor fails with
//     codes.Unauthenticated.
//   - `drops-added-metadata`: on some path before the call, ctx was
//     given outgoing metadata by AppendToOutgoingContext, by
//     NewOutgoingContext, or by a function known to add it. If that
//     metadata holds the authorization header, the call fails with
//     codes.Unauthenticated. The finding's related information is the
//     place the metadata was added. A function that takes a context
//     and returns one with outgoing metadata it added is such a
//     function in its own package and, through a fact, in every package
//     that imports it.
//
// md includes the old metadata when it is built from
// metadata.FromOutgoingContext (or ValueFromOutgoingContext): through
// Join, Copy, a copying loop, Set or Append on it, in any order. The
// analyzer stays silent then; for contexts made by context.Background()
// or TODO() and their derivatives; for the context parameters of
// functions that are not interceptors (what their callers put there
// cannot be judged); when md, or metadata it is built from, comes from a
// call that is handed a context (md := buildMD(ctx) may merge what ctx
// carries, and so may the keys and values copied out of a map such a
// call returned); and when md is empty (clearing the metadata on
// purpose). A string a call computes is only a value: a trace id or
// payload computed from the context, or from a span or transaction
// looked up in it, does not make Pairs(k, v) or New(map) that holds it
// metadata that may merge, so tracing interceptors that replace the
// metadata are reported.
//
// When md is a metadata.Pairs call with a plain argument list, a
// metadata.MD literal whose values are string-list literals, or a
// metadata.New call of a map literal, written in the call itself, a
// suggested fix rewrites the call to
// metadata.AppendToOutgoingContext(ctx, k, v, ...), the remedy the
// message names. Otherwise the message names metadata.Join(old, md),
// with old from metadata.FromOutgoingContext(ctx).
//
// # Bad
//
//	func withRequestID(ctx context.Context, method string, req, reply any,
//		cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
//		// the caller's authorization header is gone: codes.Unauthenticated
//		ctx = metadata.NewOutgoingContext(ctx, metadata.Pairs("x-request-id", newID()))
//		return invoker(ctx, method, req, reply, cc, opts...)
//	}
//
// # Good
//
//	func withRequestID(ctx context.Context, method string, req, reply any,
//		cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
//		ctx = metadata.AppendToOutgoingContext(ctx, "x-request-id", newID())
//		return invoker(ctx, method, req, reply, cc, opts...)
//	}
//
// # Flags
//
// -lostmetadata.tests (setting tests): also report findings in _test.go
// files. Off by default, as in the other passes: a test that loses its
// metadata fails on its own.
package lostmetadata
