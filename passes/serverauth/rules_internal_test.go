package serverauth

import (
	"testing"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintest"
)

func TestRuleNames(t *testing.T) {
	lintest.CheckRules(t, doc, ruleStreamUnauthenticated, rulePlainAuthError, ruleSecondInterceptor, ruleUnknownMethod, ruleValidateFirst, ruleFailOpen, ruleGatewayBypass, ruleAuthzPolicy, ruleConnectStreamUnauthenticated, ruleKratosStreamUnauthenticated)
}
