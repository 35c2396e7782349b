package lostmetadata

import "golang.org/x/tools/go/analysis"

// ruleDropsAddedMetadata: NewOutgoingContext replaces outgoing metadata
// that the code added to the context before, on some path
// (AppendToOutgoingContext, NewOutgoingContext, a function that adds
// it).
const ruleDropsAddedMetadata = "drops-added-metadata"

// dropsAddedMetadata judges a NewOutgoingContext site whose context may
// carry metadata added in the code; the place it was added is the
// related information.
func (c *checker) dropsAddedMetadata(s replaceSite) {
	if !c.drops(s) || s.ctx.org.caller() {
		return
	}
	c.report(ruleDropsAddedMetadata, s, "NewOutgoingContext drops the outgoing metadata added by "+s.ctx.org.by,
		[]analysis.RelatedInformation{{Pos: s.ctx.org.pos, Message: "outgoing metadata added here"}})
}
