package lintutil

import "strings"

// StringList is a repeatable flag: each use appends one value, and a
// value may hold several entries separated by commas. It is bound to a
// Config field so the flag and the golangci-lint setting fill the same
// list. When Check is set, every entry of a value is checked before any
// is appended, so a bad entry is a usage error.
type StringList struct {
	P     *[]string
	Check func(entry string) error
}

func (l StringList) String() string {
	if l.P == nil {
		return ""
	}
	return strings.Join(*l.P, ",")
}

func (l StringList) Set(s string) error {
	var entries []string
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v == "" {
			continue
		}
		if l.Check != nil {
			if err := l.Check(v); err != nil {
				return err
			}
		}
		entries = append(entries, v)
	}
	*l.P = append(*l.P, entries...)
	return nil
}
