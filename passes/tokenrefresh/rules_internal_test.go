package tokenrefresh

import (
	"testing"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintest"
)

func TestRuleNames(t *testing.T) {
	lintest.CheckRules(t, doc, ruleFrozenToken, ruleKeptToken, ruleKeptResult)
}
