package lintutil

import (
	"fmt"
	"strings"
)

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

// DefaultList is a StringList over a list that holds defaults: its
// first use replaces them, as the golangci-lint setting does, and later
// uses append. A suite-wide flag (-auth-key) sets the defaults through
// SetDefault: they stand until the pass's own flag is used.
type DefaultList struct {
	P     *[]string
	Check func(entry string) error
	set   bool // the pass's own flag was used
	def   bool // SetDefault was used
}

// SetDefault sets the list from a suite-wide flag: its first use
// replaces the built-in defaults and later uses append, unless the
// pass's own flag was used, whose values stand. The result is the same
// whichever order the two flags come in.
func (l *DefaultList) SetDefault(s string) error {
	var entries []string
	if err := (StringList{P: &entries, Check: l.Check}).Set(s); err != nil {
		return err
	}
	if l.set {
		return nil
	}
	if !l.def {
		*l.P = nil
		l.def = true
	}
	*l.P = append(*l.P, entries...)
	return nil
}

func (l *DefaultList) String() string {
	if l == nil {
		return ""
	}
	return StringList{P: l.P}.String()
}

func (l *DefaultList) Set(s string) error {
	var entries []string
	if err := (StringList{P: &entries, Check: l.Check}).Set(s); err != nil {
		return err
	}
	if !l.set {
		*l.P = nil
		l.set = true
	}
	*l.P = append(*l.P, entries...)
	return nil
}

// CheckAuthKey reports whether k, an auth-key setting of the named
// pass, is a metadata key as the transport sends it: non-empty and of
// [0-9a-z-_.] only.
func CheckAuthKey(pass, k string) error {
	ok := k != ""
	for _, r := range k {
		ok = ok && IsKeyChar(r)
	}
	if !ok {
		return fmt.Errorf(`invalid %s auth-key %q: want a lowercase metadata key of [0-9a-z-_.], such as "x-api-key"`, pass, k)
	}
	return nil
}

// IsKeyChar reports whether r may appear in a metadata key as grpc-go
// validates it after lowercasing: [0-9a-z-_.].
func IsKeyChar(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r == '-' || r == '_' || r == '.'
}
