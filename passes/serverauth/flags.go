package serverauth

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// options is a Config checked and compiled for the runs.
type options struct {
	tests       bool
	interceptor map[string]bool // FullName keys
	authKeys    map[string]bool // lowercase
}

func compile(c *Config) (*options, error) {
	o := &options{tests: c.Tests, interceptor: make(map[string]bool), authKeys: make(map[string]bool)}
	for _, e := range c.Interceptor {
		if err := checkInterceptor(e); err != nil {
			return nil, err
		}
		o.interceptor[e] = true
	}
	for _, k := range c.AuthKey {
		if err := checkAuthKey(k); err != nil {
			return nil, err
		}
		o.authKeys[k] = true
	}
	return o, nil
}

// nameRx returns the patterns of FullName entries (a function, a
// method), compiled on first use: few runs set -interceptor.
var nameRx = sync.OnceValues(func() (fn, method *regexp.Regexp) {
	return regexp.MustCompile(`^([^\s()*]+)\.([\pL_][\pL\pN_]*)$`),
		regexp.MustCompile(`^\(\*?([^\s()*]+)\.([\pL_][\pL\pN_]*)\)\.([\pL_][\pL\pN_]*)$`)
})

// checkInterceptor reports whether entry is in types.Func.FullName
// notation.
func checkInterceptor(entry string) error {
	fnRx, methodRx := nameRx()
	m := methodRx.FindStringSubmatch(entry)
	if m == nil {
		m = fnRx.FindStringSubmatch(entry)
	}
	if m == nil || strings.HasSuffix(m[1], "/") || strings.HasPrefix(m[1], "/") {
		return fmt.Errorf(`invalid serverauth interceptor %q: want a function or method in FullName notation, such as "example.com/auth.Unary" or "(*example.com/auth.Verifier).Interceptor"`, entry)
	}
	return nil
}

// checkAuthKey reports whether k is a valid incoming metadata key:
// non-empty, [0-9a-z-_.] only (incoming keys are lowercase).
func checkAuthKey(k string) error {
	ok := k != ""
	for _, r := range k {
		ok = ok && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r == '-' || r == '_' || r == '.')
	}
	if !ok {
		return fmt.Errorf(`invalid serverauth auth-key %q: want a lowercase metadata key of [0-9a-z-_.], such as "x-api-key"`, k)
	}
	return nil
}

// keyList is the -auth-key flag: repeatable, comma-separated entries,
// each checked; its first use replaces the default list, as the
// golangci-lint setting does.
type keyList struct {
	p   *[]string
	set bool
}

func (l *keyList) String() string {
	if l == nil || l.p == nil {
		return ""
	}
	return strings.Join(*l.p, ",")
}

func (l *keyList) Set(s string) error {
	var entries []string
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v == "" {
			continue
		}
		if err := checkAuthKey(v); err != nil {
			return err
		}
		entries = append(entries, v)
	}
	if !l.set {
		*l.p = nil
		l.set = true
	}
	*l.p = append(*l.p, entries...)
	return nil
}
