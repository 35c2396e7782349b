package metadatakey

import (
	"fmt"

	"golang.org/x/tools/go/analysis"
)

// ruleUppercaseKey: a key with uppercase letters where nothing
// lowercases it (MD literals, md[k], delete, comparisons with range
// keys), and in the normalising helpers, where it works but is written
// wrong. Credentials maps are lowercased by the transport: not judged.
const ruleUppercaseKey = "uppercase-key"

func (c *checker) uppercaseKey(s *site, key, lower string, fixes *constFixer) bool {
	if key == lower || s.kind == credsMap {
		return false
	}
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

func (c *checker) caseMessage(s *site, key, lower string) string {
	switch s.kind {
	case helperWrite, helperRead:
		return fmt.Sprintf("metadata key %q is lowercased by %s; write %q", key, s.helper, lower)
	case rawRead:
		if s.incoming {
			return fmt.Sprintf("metadata key %q never matches: incoming keys are lowercase; use %q", key, lower)
		}
		return fmt.Sprintf("metadata key %q never matches: keys are lowercase; use %q", key, lower)
	}
	return fmt.Sprintf("metadata key %q has uppercase letters: %s; use %q", key, c.consequence(s), lower)
}
