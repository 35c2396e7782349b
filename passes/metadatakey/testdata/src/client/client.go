package client

import (
	"context"

	"google.golang.org/grpc/metadata"
)

func literalOutgoing(ctx context.Context, id string) context.Context {
	return metadata.NewOutgoingContext(ctx, metadata.MD{
		"X-Request-ID":               {id}, // want `metadata key "X-Request-ID" has uppercase letters: the RPC fails with codes\.Internal; use "x-request-id"`
		"x-trace":                    {id},
		"x user":                     {id},  // want `metadata key "x user" contains " ", not in \[0-9a-z-_\.\]: the RPC fails with codes\.Internal; rename the key`
		"":                           {id},  // want `metadata key is empty: the RPC fails with codes\.Internal; name the key`
		"content-type":               {"x"}, // want `metadata key "content-type" is a reserved header that gRPC drops; use an application key such as "x-content-type"`
		":authority":                 {"h"}, // want `metadata key ":authority" is a reserved header that gRPC drops; set the authority with grpc\.WithAuthority`
		"grpc-previous-rpc-attempts": {"1"},
		"x-name":                     {"é"}, // want `metadata value for key "x-name" is not printable ASCII: gRPC rejects it; encode it \(e\.g\. base64\) under key "x-name-bin"`
		"x-name-bin":                 {"é"},
	})
}

func literalViaVar(ctx context.Context) context.Context {
	md := metadata.MD{"Authorization": {"Bearer t"}} // want `metadata key "Authorization" has uppercase letters: the RPC fails with codes\.Internal; use "authorization"`
	md["X-Extra"] = []string{"1"}                    // want `metadata key "X-Extra" has uppercase letters: the RPC fails with codes\.Internal; use "x-extra"`
	md.Set("X-Set", "v")                             // want `metadata key "X-Set" is lowercased by metadata\.MD\.Set; write "x-set"`
	md.Set("te", "trailers")                         // want `metadata key "te" is a reserved header that gRPC drops; use an application key such as "x-te"`
	return metadata.NewOutgoingContext(ctx, md)
}

func unknownDest() metadata.MD {
	return metadata.MD{"Authorization": {"x"}} // want `metadata key "Authorization" has uppercase letters: it is invalid on the wire; use "authorization"`
}

func unknownDestReserved() metadata.MD {
	return metadata.MD{"content-type": {"x"}} // destination unknown: not judged
}

func helpers(ctx context.Context, tok string) context.Context {
	ctx = metadata.AppendToOutgoingContext(ctx, "Authorization", "Bearer "+tok) // want `metadata key "Authorization" is lowercased by metadata\.AppendToOutgoingContext; write "authorization"`
	ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+tok)
	ctx = metadata.AppendToOutgoingContext(ctx, "user-agent", "me") // want `metadata key "user-agent" is a reserved header that gRPC drops; set it with grpc\.WithUserAgent`
	ctx = metadata.AppendToOutgoingContext(ctx, "k1", "v1", "k2")   // want `metadata\.AppendToOutgoingContext panics on an odd number of strings \(3\); pass key, value pairs`
	md := metadata.Pairs("X-A", "1", "b", "2")                      // want `metadata key "X-A" is lowercased by metadata.Pairs`
	_ = metadata.Pairs("a")                                         // want `metadata\.Pairs panics on an odd number of strings \(1\); pass key, value pairs`
	kv := []string{"a"}
	_ = metadata.Pairs(kv...)                                                    // spread: unknown count
	_ = metadata.New(map[string]string{"X-New": "v", "ok": "v"})                 // want `metadata key "X-New" is lowercased by metadata.New`
	_ = md.Get("X-Get")                                                          // want `metadata key "X-Get" is lowercased by metadata\.MD\.Get; write "x-get"`
	md.Append("X-App", "v")                                                      // want `metadata key "X-App" is lowercased by metadata\.MD\.Append; write "x-app"`
	md.Delete("X-Del")                                                           // want `metadata key "X-Del" is lowercased by metadata\.MD\.Delete; write "x-del"`
	_ = metadata.ValueFromOutgoingContext(ctx, "X-Out")                          // want `metadata key "X-Out" is lowercased by metadata.ValueFromOutgoingContext`
	ctx = metadata.NewOutgoingContext(ctx, metadata.Pairs("grpc-timeout", "1S")) // want `metadata key "grpc-timeout" is a reserved header that gRPC drops; give the RPC a context deadline`
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
	md["X-Forwarded"] = []string{"1"} // want `metadata key "X-Forwarded" has uppercase letters: the RPC fails with codes\.Internal; use "x-forwarded"`
	return metadata.NewOutgoingContext(ctx, md)
}
