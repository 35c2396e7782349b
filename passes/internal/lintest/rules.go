package lintest

import (
	"os"
	"regexp"
	"testing"
)

// ruleBullet matches a rule's bullet in a doc.go comment: "//   - `name`".
var ruleBullet = regexp.MustCompile("(?m)^//   - `([a-z0-9-]+)`")

// CheckRules checks a pass's rule names (issue 20 §3) from its internal
// test, in the pass's directory: each rule has a bullet in doc (the
// embedded doc.go) that starts with its name in backquotes, and a file
// <name>.go holding its judge; and every such bullet names a rule.
func CheckRules(t *testing.T, doc string, rules ...string) {
	t.Helper()
	documented := map[string]int{}
	for _, m := range ruleBullet.FindAllStringSubmatch(doc, -1) {
		documented[m[1]]++
	}
	known := map[string]bool{}
	for _, r := range rules {
		known[r] = true
		if documented[r] != 1 {
			t.Errorf("rule %s: doc.go has %d bullets starting with `%s`, want 1", r, documented[r], r)
		}
		if _, err := os.Stat(r + ".go"); err != nil {
			t.Errorf("rule %s: no file %s.go for its judge", r, r)
		}
	}
	for r := range documented {
		if !known[r] {
			t.Errorf("doc.go has a bullet for rule %s, which is no rule of the pass", r)
		}
	}
}
