package metadatakey

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// The rules on keys and values: empty keys, characters outside
// [0-9a-z-_.], uppercase, reserved transport headers, and values that
// are not printable ASCII on keys without the -bin suffix.

// checkKey reports the key of s; it reports whether it found a problem.
func (c *checker) checkKey(s *site, key string, fixes *constFixer) bool {
	write := s.kind == rawWrite || s.kind == helperWrite || s.kind == credsMap
	if key == "" {
		c.r.Reportf(s.key, "metadata key is empty: %s; name the key", c.consequence(s))
		return true
	}
	lower := strings.ToLower(key)
	if s.kind == credsMap && lower[0] == ':' {
		// Not a reserved header dropped from outgoing metadata: the
		// transport sends it after its own headers, and HTTP/2 servers
		// reject a pseudo-header there (grpc-go 1.45 and 1.85 alike).
		c.r.Reportf(s.key, "metadata key %q is an HTTP/2 pseudo-header: the server resets the stream and every RPC with these credentials fails with codes.Internal; %s", key, pseudoRemedy(lower))
		return true
	}
	if bad, ok := illegalChar(lower); ok {
		c.r.Reportf(s.key, "metadata key %q contains %q, which is not in [0-9a-z-_.]: %s; rename the key", key, bad, c.consequence(s))
		return true
	}
	if key != lower && s.kind != credsMap {
		d := analysis.Diagnostic{
			Pos: s.key.Pos(), End: s.key.End(),
			Message: c.caseMessage(s, key, lower),
		}
		if fix, ok := fixes.fix(s.key, lower); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		c.r.Report(d)
		return true
	}
	// Reserved headers other than pseudo-headers are sent from
	// credentials maps (user-agent gains a second value): not dropped.
	if write && s.kind != credsMap && c.isReserved(lower) && (s.dest == destClient || s.dest == destServer || s.dest == destStreamHeader || s.dest == destStreamTrailer) {
		c.r.Reportf(s.key, "metadata key %q is a reserved transport header: gRPC silently drops it from outgoing metadata; %s", key, reservedRemedy(lower))
		return true
	}
	return false
}

func (c *checker) checkValues(s *site, key string) {
	if !(s.kind == rawWrite || s.kind == helperWrite || s.kind == credsMap) || strings.HasSuffix(strings.ToLower(key), "-bin") {
		return
	}
	for _, v := range s.values {
		val, ok := lintutil.ConstString(c.pass.TypesInfo, v)
		if !ok {
			continue
		}
		for _, r := range []byte(val) {
			if r < 0x20 || r > 0x7E {
				rejects := "gRPC rejects it with codes.Internal"
				if s.kind == credsMap {
					rejects = "every RPC with these credentials fails with codes.Internal"
				}
				c.r.Reportf(v, "metadata value for key %q is not printable ASCII: %s; encode the value (e.g. base64) and name the key %q", key, rejects, strings.ToLower(key)+"-bin")
				break
			}
		}
	}
}

// consequence says what happens at run time to an invalid key at s.
func (c *checker) consequence(s *site) string {
	switch {
	case s.kind == rawRead || s.kind == helperRead:
		return "no gRPC metadata can hold it, so the lookup never matches"
	case s.kind == credsMap:
		// grpc-go 1.85 and later reject it in the client; older ones
		// send it and the server's HTTP/2 framer resets the stream.
		return "every RPC with these credentials fails with codes.Internal"
	}
	switch s.dest {
	case destClient:
		if c.before(1, 46) {
			return "grpc-go before 1.46 sends it unchecked and HTTP/2 servers reject it"
		}
		return "a client sending it fails the RPC with codes.Internal (grpc-go 1.46 and later)"
	case destServer:
		return s.sinkName + " sends it unchecked and the client's HTTP/2 framer rejects the response"
	case destStreamHeader:
		return s.sinkName + " returns a codes.Internal error and drops the header"
	case destStreamTrailer:
		return s.sinkName + " logs an error and the client's HTTP/2 framer rejects the trailer"
	}
	return "it is invalid on the wire"
}

func (c *checker) caseMessage(s *site, key, lower string) string {
	switch s.kind {
	case helperWrite, helperRead:
		return fmt.Sprintf("metadata key %q is lowercased by %s, but written with uppercase letters; use %q", key, s.helper, lower)
	case rawRead:
		if s.incoming {
			return fmt.Sprintf("metadata key %q never matches: incoming metadata keys are lowercase; use %q", key, lower)
		}
		return fmt.Sprintf("metadata key %q never matches: gRPC metadata keys are lowercase; use %q", key, lower)
	}
	switch s.dest {
	case destUnknown:
		return fmt.Sprintf("metadata key %q is invalid on the wire: gRPC metadata keys must be lowercase; use %q", key, lower)
	default:
		return fmt.Sprintf("metadata key %q has uppercase letters: %s; use %q", key, c.consequence(s), lower)
	}
}

// illegalChar returns the first character of a lowercased key outside
// [0-9a-z-_.]; pseudo-headers (":authority") are exempt, as in grpc-go's
// validator.
func illegalChar(key string) (string, bool) {
	if key[0] == ':' {
		return "", false
	}
	for _, r := range key {
		if !lintutil.IsKeyChar(r) {
			return string(r), true
		}
	}
	return "", false
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
