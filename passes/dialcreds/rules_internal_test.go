package dialcreds

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// ruleCases are the testdata packages whose findings exercise each
// rule.
var ruleCases = map[string][]string{
	ruleNoCredentials:         {"basic", "percall", "percallmd", "credsmap", "quietdefault/percall", "percaller/fixed", "authkey"},
	ruleStreamsWithoutToken:   {"streams"},
	ruleReplacedInterceptor:   {"replaced"},
	ruleUnattachedCredentials: {"unattached", "unattached/client", "unattached/transport"},
	ruleCredentialsRequireTLS: {"tlscreds", "callopts", "manybranches"},
	ruleDialContextMetadata:   {"dialctx"},
	ruleDiscardedOption:       {"discard"},
	ruleConnectStreamNoToken:  {"connectclients"},
}

// TestRuleNames checks that each rule is named alike everywhere: the
// bullets of doc.go start with the rules' names, in the order of rules;
// each rule's judge is in the file named after it (<name>.go), which
// declares its constant and reports under it; and each has test cases
// with findings.
func TestRuleNames(t *testing.T) {
	bullet := regexp.MustCompile("(?m)^//   - `([a-z-]+)`: ")
	var documented []string
	for _, m := range bullet.FindAllStringSubmatch(doc, -1) {
		documented = append(documented, m[1])
	}
	if !slices.Equal(documented, rules) {
		t.Errorf("doc.go bullets name %q, want the rules %q in that order", documented, rules)
	}
	for _, rule := range rules {
		file := rule + ".go"
		src, err := os.ReadFile(file)
		if err != nil {
			t.Errorf("rule %s: %v", rule, err)
		} else if !regexp.MustCompile(`(?m)^const rule\w+ = "` + rule + `"$`).Match(src) {
			t.Errorf("rule %s: %s does not declare its constant", rule, file)
		} else if !strings.Contains(string(src), "c.report(rule") {
			t.Errorf("rule %s: %s reports nothing", rule, file)
		}
		if len(ruleCases[rule]) == 0 {
			t.Errorf("rule %s: no test cases", rule)
		}
		for _, pkg := range ruleCases[rule] {
			files, _ := filepath.Glob(filepath.Join("testdata", "src", pkg, "*.go"))
			want := false
			for _, f := range files {
				b, _ := os.ReadFile(f)
				want = want || strings.Contains(string(b), "// want")
			}
			if !want {
				t.Errorf("rule %s: test case %s has no findings", rule, pkg)
			}
		}
	}
}
