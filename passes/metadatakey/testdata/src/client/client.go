package client

import (
	"context"

	"google.golang.org/grpc/metadata"
)

func literalOutgoing(ctx context.Context, id string) context.Context {
	return metadata.NewOutgoingContext(ctx, metadata.MD{
		"X-Request-ID":               {id}, // want `metadata key "X-Request-ID" has uppercase letters: a client sending it fails the RPC with codes.Internal \(grpc-go 1.46 and later\); use "x-request-id"`
		"x-trace":                    {id},
		"x user":                     {id},  // want `metadata key "x user" contains " ", which is not in \[0-9a-z-_.\]: a client sending it fails the RPC`
		"":                           {id},  // want `metadata key is empty: a client sending it fails the RPC with codes.Internal`
		"content-type":               {"x"}, // want `metadata key "content-type" is a reserved transport header: gRPC silently drops it from outgoing metadata; use an application key such as "x-content-type"`
		":authority":                 {"h"}, // want `metadata key ":authority" is a reserved transport header: gRPC silently drops it from outgoing metadata; set the authority with grpc.WithAuthority`
		"grpc-previous-rpc-attempts": {"1"},
		"x-name":                     {"é"}, // want `metadata value for key "x-name" is not printable ASCII: gRPC rejects it with codes.Internal; encode the value \(e.g. base64\) and name the key "x-name-bin"`
		"x-name-bin":                 {"é"},
	})
}

func literalViaVar(ctx context.Context) context.Context {
	md := metadata.MD{"Authorization": {"Bearer t"}} // want `metadata key "Authorization" has uppercase letters: a client sending it fails the RPC`
	md["X-Extra"] = []string{"1"}                    // want `metadata key "X-Extra" has uppercase letters: a client sending it fails the RPC`
	md.Set("X-Set", "v")                             // want `metadata key "X-Set" is lowercased by \(metadata.MD\).Set, but written with uppercase letters; use "x-set"`
	md.Set("te", "trailers")                         // want `metadata key "te" is a reserved transport header`
	return metadata.NewOutgoingContext(ctx, md)
}

func unknownDest() metadata.MD {
	return metadata.MD{"Authorization": {"x"}} // want `metadata key "Authorization" is invalid on the wire: gRPC metadata keys must be lowercase; use "authorization"`
}

func unknownDestReserved() metadata.MD {
	return metadata.MD{"content-type": {"x"}} // destination unknown: not judged
}

func helpers(ctx context.Context, tok string) context.Context {
	ctx = metadata.AppendToOutgoingContext(ctx, "Authorization", "Bearer "+tok) // want `metadata key "Authorization" is lowercased by metadata.AppendToOutgoingContext, but written with uppercase letters; use "authorization"`
	ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+tok)
	ctx = metadata.AppendToOutgoingContext(ctx, "user-agent", "me") // want `metadata key "user-agent" is a reserved transport header: gRPC silently drops it from outgoing metadata; set it with grpc.WithUserAgent`
	ctx = metadata.AppendToOutgoingContext(ctx, "k1", "v1", "k2")   // want `metadata.AppendToOutgoingContext panics at run time: it got an odd number of strings \(3\); pass key, value pairs`
	md := metadata.Pairs("X-A", "1", "b", "2")                      // want `metadata key "X-A" is lowercased by metadata.Pairs`
	_ = metadata.Pairs("a")                                         // want `metadata.Pairs panics at run time: it got an odd number of strings \(1\)`
	kv := []string{"a"}
	_ = metadata.Pairs(kv...)                                                    // spread: unknown count
	_ = metadata.New(map[string]string{"X-New": "v", "ok": "v"})                 // want `metadata key "X-New" is lowercased by metadata.New`
	_ = md.Get("X-Get")                                                          // want `metadata key "X-Get" is lowercased by \(metadata.MD\).Get`
	md.Append("X-App", "v")                                                      // want `metadata key "X-App" is lowercased by \(metadata.MD\).Append`
	md.Delete("X-Del")                                                           // want `metadata key "X-Del" is lowercased by \(metadata.MD\).Delete`
	_ = metadata.ValueFromOutgoingContext(ctx, "X-Out")                          // want `metadata key "X-Out" is lowercased by metadata.ValueFromOutgoingContext`
	ctx = metadata.NewOutgoingContext(ctx, metadata.Pairs("grpc-timeout", "1S")) // want `metadata key "grpc-timeout" is a reserved transport header`
	return ctx
}

func computed(ctx context.Context, key string) {
	md := metadata.MD{key: {"v"}}
	_ = md[key]
	_ = metadata.Pairs(key, "v")
	_ = metadata.NewOutgoingContext(ctx, md)
}

func forward(ctx context.Context) context.Context {
	md, _ := metadata.FromIncomingContext(ctx)
	md["X-Forwarded"] = []string{"1"} // want `metadata key "X-Forwarded" has uppercase letters: a client sending it fails the RPC`
	return metadata.NewOutgoingContext(ctx, md)
}
