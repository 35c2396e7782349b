package metadatakey

import (
	"fmt"
	"strings"
)

// ruleReservedKey: a reserved transport header written to metadata
// that goes out (a client's outgoing context, a server's header or
// trailer): the transport silently drops it. Credentials maps send
// them (user-agent gains a second value): not judged.
const ruleReservedKey = "reserved-key"

func (c *checker) reservedKey(s *site, key, lower string) bool {
	if !s.isWrite() || s.kind == credsMap || !c.isReserved(lower) {
		return false
	}
	switch s.dest {
	case destClient, destServer, destStreamHeader, destStreamTrailer:
		c.r.Reportf(s.key, "metadata key %q is a reserved header that gRPC drops; %s", key, reservedRemedy(lower))
		return true
	}
	return false
}

// reserved is grpc-go's isReservedHeader set (internal/transport/http_util.go).
var reserved = map[string]bool{
	"content-type":      true,
	"user-agent":        true,
	"grpc-message-type": true,
	"grpc-encoding":     true,
	"grpc-message":      true,
	"grpc-status":       true,
	"grpc-timeout":      true,
	"te":                true,
}

func (c *checker) isReserved(key string) bool {
	return key[0] == ':' || reserved[key] || key == "grpc-status-details-bin" && c.before(1, 59)
}

// reservedRemedy says what to use instead of writing a reserved header.
func reservedRemedy(key string) string {
	switch key {
	case ":authority":
		return "set the authority with grpc.WithAuthority"
	case "user-agent":
		return "set it with grpc.WithUserAgent"
	case "grpc-timeout":
		return "give the RPC a context deadline"
	case "grpc-status", "grpc-message", "grpc-status-details-bin":
		return "return the status as an error from status.Error"
	case "grpc-encoding":
		return "choose compression with grpc.UseCompressor"
	}
	return fmt.Sprintf("use an application key such as %q", "x-"+strings.TrimLeft(key, ":"))
}
