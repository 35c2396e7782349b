package dialcreds

import (
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// rules are the pass's rules, in the order of doc.go's bullets; each
// judges the sites the walk recorded (sites.go) in a file named after
// it.
var rules = []string{
	ruleNoCredentials,
	ruleStreamsWithoutToken,
	ruleReplacedInterceptor,
	ruleUnattachedCredentials,
	ruleCredentialsRequireTLS,
	ruleDialContextMetadata,
	ruleDiscardedOption,
	ruleConnectStreamNoToken,
}

// judge runs every rule on the sites of the package.
func (c *checker) judge() {
	for _, d := range c.sites.dials {
		c.judgeNoCredentials(d)
		c.judgeReplacedInterceptor(d)
		c.judgeUnattachedCredentials(d)
		c.judgeCredentialsRequireTLS(d)
		c.judgeDialContextMetadata(d)
	}
	c.judgeStreamsWithoutToken()
	for _, s := range c.sites.calls {
		c.judgeCallCredentialsRequireTLS(s)
	}
	for _, call := range c.sites.discards {
		c.judgeDiscardedOption(call)
	}
}

// ruleAt is the dedupe key of a finding: a rule reports once at a
// position.
type ruleAt struct {
	rule string
	pos  token.Pos
}

// report reports d, a finding of rule, unless the rule reported at its
// position already.
func (c *checker) report(rule string, d analysis.Diagnostic) {
	k := ruleAt{rule, d.Pos}
	if c.reported[k] {
		return
	}
	c.reported[k] = true
	c.r.Report(d)
}

// related is a second location for a diagnostic, or none when pos is
// unknown (a summary from another package).
func related(pos token.Pos, msg string) []analysis.RelatedInformation {
	if !pos.IsValid() {
		return nil
	}
	return []analysis.RelatedInformation{{Pos: pos, Message: msg}}
}
