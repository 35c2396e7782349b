// Package metadatakey defines an Analyzer that checks gRPC metadata keys
// and values written as constants.
//
// # Analyzer metadatakey
//
// metadatakey: check that gRPC metadata keys are valid lowercase keys
//
// gRPC metadata keys travel as HTTP/2 header names: they must be non-empty
// and use only the characters [0-9a-z-_.]. The helpers of package metadata
// (New, Pairs, AppendToOutgoingContext, MD.Get/Set/Append/Delete,
// ValueFromIncomingContext) lowercase the key, and FromIncomingContext
// returns lowercased keys; but metadata.MD is a plain map, so a
// metadata.MD{...} literal and md[key] index, delete and comparison do not
// normalise anything. An uppercase key there is the classic silent
// codes.Unauthenticated: md["Authorization"] after FromIncomingContext
// never matches. Sent by a client, an MD holding an uppercase key fails the RPC
// with codes.Internal (grpc-go 1.46 and later; older clients send it and
// the server never sees it under that name); sent by a server through
// grpc.SetHeader, SendHeader or SetTrailer it goes out unchecked and the
// client's HTTP/2 framer rejects the response; ServerStream.SetHeader and
// SendHeader return a codes.Internal error and drop the header, and
// ServerStream.SetTrailer logs an error and the client's HTTP/2 framer
// rejects the trailer.
//
// The analyzer reports constant keys (literals, named constants from any
// package, constant concatenations) and values:
//
//   - `uppercase-key`: a key with uppercase letters in an MD literal, an
//     MD index expression, delete, or a comparison with the keys of a
//     range over an MD (== and switch): a read never matches, a write
//     fails as described above (the message says how, in short); and in
//     the normalising helpers, where the key works but is written wrong.
//   - `invalid-key`: an empty key, or one with characters outside
//     [0-9a-z-_.] once lowercased (pseudo-headers starting with ":" are
//     exempt from the character rule): no metadata can hold it, so a
//     read never matches and a write fails as an uppercase key does.
//   - `reserved-key`: a reserved transport header written to metadata
//     that goes out (a client's outgoing context, a server's header or
//     trailer), which the transport silently drops: content-type,
//     user-agent, te, grpc-encoding, grpc-message, grpc-message-type,
//     grpc-status, grpc-timeout and every ":"-prefixed key. Reading
//     :authority or user-agent from incoming metadata is right, and other
//     grpc- keys (grpc-previous-rpc-attempts, grpc-trace-bin) are used on
//     purpose.
//   - `pseudo-header-key`: a key starting with ":" in a credentials map
//     (below): the validator skips pseudo-headers, so the transport sends
//     it after its own headers and the server resets the stream; every
//     RPC made with the credentials fails with codes.Internal.
//   - `non-ascii-value`: a constant value that is not printable ASCII
//     under a key not ending in "-bin": gRPC rejects it with
//     codes.Internal.
//   - `odd-pairs`: an odd number of strings given to metadata.Pairs or
//     AppendToOutgoingContext, which panic at run time.
//
// The maps a PerRPCCredentials' GetRequestMetadata returns are checked in
// every package that declares the method on a type implementing the
// interface, whether it imports grpc/metadata, only grpc/credentials, or
// nothing of gRPC: map literals the method returns (directly, through a
// variable or a named result) and m[k] = v writes to them. Every RPC made
// with such credentials fails with codes.Internal when a key there is
// empty or holds characters outside [0-9a-z-_.] after lowercasing, a
// value of a non-"-bin" key is not printable ASCII (grpc-go 1.85 and later
// reject it in the client; older ones send it and the server resets the
// stream), or a key is a pseudo-header. Uppercase is fine there (the
// transport lowercases these keys), and so are reserved headers such as
// user-agent, which are sent, not dropped; other maps built in the method
// are not metadata.
//
// A map handed on with metadata.NewIncomingContext is read again through
// FromIncomingContext, which lowercases: keys written into it are left
// alone (interceptors add claims, tests build incoming contexts), and so
// are raw reads of it when it was built by hand (it may hold any
// spelling) or read with the spelling the code wrote into it. A map that
// came from FromIncomingContext holds lowercase keys wherever it goes
// next: md["Authorization"] on it is reported even when the interceptor
// then passes it on with a claim added.
//
// Keys computed at run time, maps that are not metadata.MD and
// http.Header are left alone. Where the key is
// a string literal, or an unexported constant of the same file used only as
// a metadata key, a suggested fix lowercases it.
//
// # Bad
//
//	md, _ := metadata.FromIncomingContext(ctx)
//	token := md["Authorization"] // never matches: incoming keys are lowercase
//
//	ctx = metadata.NewOutgoingContext(ctx, metadata.MD{
//		"X-Request-ID": {id}, // the RPC fails with codes.Internal
//	})
//
//	func (c creds) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
//		return map[string]string{":authorization": "Bearer " + c.token}, nil // every RPC fails
//	}
//
// # Good
//
//	md, _ := metadata.FromIncomingContext(ctx)
//	token := md["authorization"]
//
//	ctx = metadata.AppendToOutgoingContext(ctx, "x-request-id", id)
//
//	return map[string]string{"authorization": "Bearer " + c.token}, nil
//
// # Flags
//
// -metadatakey.tests (setting tests): also report findings in _test.go
// files. Off by default: tests write invalid keys on purpose to exercise
// gRPC's validation, and a wrong key in a test fails that test.
package metadatakey
