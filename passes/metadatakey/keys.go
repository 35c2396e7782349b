package metadatakey

import "strings"

// The rules on keys, in the order they are judged: a key gets at most
// one finding, and a key with a finding has its values left alone.

// checkKey reports the key of s; it reports whether it found a problem.
func (c *checker) checkKey(s *site, key string, fixes *constFixer) bool {
	lower := strings.ToLower(key)
	return c.pseudoHeaderKey(s, key, lower) ||
		c.invalidKey(s, key, lower) ||
		c.uppercaseKey(s, key, lower, fixes) ||
		c.reservedKey(s, key, lower)
}

// isWrite reports whether s writes its key (and values).
func (s *site) isWrite() bool {
	return s.kind == rawWrite || s.kind == helperWrite || s.kind == credsMap
}

// consequence says in a few words what happens at run time to an
// invalid key at s; doc.go tells the whole story.
func (c *checker) consequence(s *site) string {
	switch {
	case s.kind == rawRead || s.kind == helperRead:
		return "the lookup never matches"
	case s.kind == credsMap:
		return "every RPC with these credentials fails"
	}
	switch s.dest {
	case destClient:
		if c.before(1, 46) {
			return "HTTP/2 servers reject it"
		}
		return "the RPC fails with codes.Internal"
	case destServer:
		return "the client rejects the response"
	case destStreamHeader:
		return "the header is dropped"
	case destStreamTrailer:
		return "the client rejects the trailer"
	}
	return "it is invalid on the wire"
}
