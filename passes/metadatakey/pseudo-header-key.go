package metadatakey

import (
	"fmt"
	"strings"
)

// rulePseudoHeaderKey: a key starting with ":" in the map a
// PerRPCCredentials' GetRequestMetadata returns. Not a reserved header
// dropped from outgoing metadata: the transport's validator skips it
// and sends it after its own headers, and HTTP/2 servers reset the
// stream (grpc-go 1.45 and 1.85 alike).
const rulePseudoHeaderKey = "pseudo-header-key"

func (c *checker) pseudoHeaderKey(s *site, key, lower string) bool {
	if s.kind != credsMap || key == "" || lower[0] != ':' {
		return false
	}
	c.r.Reportf(s.key, "metadata key %q is an HTTP/2 pseudo-header: every RPC with these credentials fails; %s", key, pseudoRemedy(lower))
	return true
}

// pseudoRemedy says what to write instead of a pseudo-header key in a
// credentials map: the key without its colons, when that is a key.
func pseudoRemedy(key string) string {
	name := strings.TrimLeft(key, ":")
	switch name {
	case "authority":
		return reservedRemedy(key)
	case "", "method", "path", "scheme", "status", "protocol":
		return "remove the key"
	}
	if _, bad := illegalChar(name); bad || reserved[name] {
		return "remove the key"
	}
	return fmt.Sprintf("use %q", name)
}
