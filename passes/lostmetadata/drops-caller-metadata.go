package lostmetadata

// ruleDropsCallerMetadata: NewOutgoingContext in a client interceptor
// (or on a context derived from its context parameter) replaces the
// outgoing metadata the caller put on the context.
const ruleDropsCallerMetadata = "drops-caller-metadata"

// dropsCallerMetadata judges a NewOutgoingContext site whose context
// may carry the caller's metadata.
func (c *checker) dropsCallerMetadata(s replaceSite) {
	if !c.drops(s) || !s.ctx.org.caller() {
		return
	}
	c.report(ruleDropsCallerMetadata, s, "NewOutgoingContext drops the caller's outgoing metadata", nil)
}
