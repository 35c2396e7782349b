package serverauth

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
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

func checkAuthKey(k string) error { return lintutil.CheckAuthKey("serverauth", k) }
