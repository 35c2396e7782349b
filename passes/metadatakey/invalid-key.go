package metadatakey

import "github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"

// ruleInvalidKey: a key that is empty or holds characters outside
// [0-9a-z-_.] once lowercased.
const ruleInvalidKey = "invalid-key"

func (c *checker) invalidKey(s *site, key, lower string) bool {
	if key == "" {
		c.r.Reportf(s.key, "metadata key is empty: %s; name the key", c.consequence(s))
		return true
	}
	if bad, ok := illegalChar(lower); ok {
		c.r.Reportf(s.key, "metadata key %q contains %q, not in [0-9a-z-_.]: %s; rename the key", key, bad, c.consequence(s))
		return true
	}
	return false
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
