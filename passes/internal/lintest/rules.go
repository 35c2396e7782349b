package lintest

import (
	"os"
	"regexp"
	"slices"
	"testing"
)

// ruleBullet matches a rule's bullet in a doc.go comment: "//   - `name`".
var ruleBullet = regexp.MustCompile("(?m)^//   - `([a-z0-9-]+)`")

// CheckRules checks a pass's rule names (CONTRIBUTING.md, "Where a new
// rule goes") from its internal test, in the pass's directory: the
// bullets of doc (the embedded doc.go) that start with a name in
// backquotes name exactly rules, in that order, and each rule's judge is
// in the file <name>.go, which declares its constant
// (const ruleX = "name").
func CheckRules(t *testing.T, doc string, rules ...string) {
	t.Helper()
	var documented []string
	for _, m := range ruleBullet.FindAllStringSubmatch(doc, -1) {
		documented = append(documented, m[1])
	}
	if !slices.Equal(documented, rules) {
		t.Errorf("doc.go's rule bullets name %q, want the rules %q in that order", documented, rules)
	}
	for _, r := range rules {
		src, err := os.ReadFile(r + ".go")
		if err != nil {
			t.Errorf("rule %s: no file %s.go for its judge", r, r)
		} else if !regexp.MustCompile(`(?m)^const rule\w+ += "` + regexp.QuoteMeta(r) + `"$`).Match(src) {
			t.Errorf("rule %s: %s.go does not declare its constant", r, r)
		}
	}
}
