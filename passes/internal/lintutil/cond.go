package lintutil

import "strings"

// Branch conditions in messages. A finding that holds on one branch
// only names the condition of that branch, in its source text:
// "when cfg.Plain, ...". dialcreds and serverauth word them alike.

// MaxCondText is the longest condition a message quotes; a longer one
// is named by "on one branch" and a related position instead.
const MaxCondText = 60

// NotCond returns the source text of the opposite of condition s:
// "!plain" for "plain", "plain" for "!plain", "!(a && b)" for "a && b",
// and "" for "".
func NotCond(s string) string {
	switch {
	case s == "":
		return ""
	case strings.HasPrefix(s, "!") && !strings.ContainsAny(s[1:], " "):
		return s[1:]
	case !strings.ContainsAny(s, " ()"):
		return "!" + s
	}
	return "!(" + s + ")"
}

// AndCond returns the source text of the conjunction of conditions,
// parenthesizing those that hold a binary operator of lower precedence
// ("a || b" in "(a || b) && c").
func AndCond(conds ...string) string {
	parts := make([]string, 0, len(conds))
	for _, s := range conds {
		if s == "" {
			continue
		}
		if strings.Contains(s, "||") && len(conds) > 1 {
			s = "(" + s + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " && ")
}

// WhenCond introduces a message with the condition it applies to:
// "when text, ", or "on one branch, " when the condition is known by
// its position only (text is empty, known is true), or "".
func WhenCond(text string, known bool) string {
	switch {
	case text != "":
		return "when " + text + ", "
	case known:
		return "on one branch, "
	}
	return ""
}
