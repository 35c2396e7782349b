package dialcreds

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintest"
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

// TestRuleNames checks that each rule is named alike everywhere
// (lintest.CheckRules: doc.go's bullets in the order of rules, the
// judge's file and its constant) and has test cases with findings.
func TestRuleNames(t *testing.T) {
	lintest.CheckRules(t, doc, rules...)
	for _, rule := range rules {
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
