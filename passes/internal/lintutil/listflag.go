package lintutil

import "strings"

// StringList is a repeatable flag: each use appends one value, and a
// value may hold several entries separated by commas. It is bound to a
// Config field so the flag and the golangci-lint setting fill the same
// list.
type StringList struct{ P *[]string }

func (l StringList) String() string {
	if l.P == nil {
		return ""
	}
	return strings.Join(*l.P, ",")
}

func (l StringList) Set(s string) error {
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			*l.P = append(*l.P, v)
		}
	}
	return nil
}
