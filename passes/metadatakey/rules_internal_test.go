package metadatakey

import (
	"testing"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintest"
)

func TestRuleNames(t *testing.T) {
	lintest.CheckRules(t, doc, ruleUppercaseKey, ruleInvalidKey, ruleReservedKey, rulePseudoHeaderKey, ruleNonASCIIValue, ruleOddPairs)
}
