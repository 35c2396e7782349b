package metadatakey

import (
	"strings"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// ruleNonASCIIValue: a constant value that is not printable ASCII
// under a key without the -bin suffix: gRPC rejects it.
const ruleNonASCIIValue = "non-ascii-value"

func (c *checker) checkValues(s *site, key string) {
	if !s.isWrite() || strings.HasSuffix(strings.ToLower(key), "-bin") {
		return
	}
	for _, v := range s.values {
		val, ok := lintutil.ConstString(c.pass.TypesInfo, v)
		if !ok {
			continue
		}
		for _, r := range []byte(val) {
			if r < 0x20 || r > 0x7E {
				rejects := "gRPC rejects it"
				if s.kind == credsMap {
					rejects = "every RPC with these credentials fails"
				}
				c.r.Reportf(v, "metadata value for key %q is not printable ASCII: %s; encode it (e.g. base64) under key %q", key, rejects, strings.ToLower(key)+"-bin")
				break
			}
		}
	}
}
