package credpath

import (
	"errors"
	"fmt"
	"go/token"
	"strconv"
	"strings"
)

// The -credpath.func entries: user-declared credential parameters and
// fields, parsed into sinks.

// checkFuncEntry checks one -credpath.func entry as the flag is parsed.
// Entries from settings are checked when the analyzer first runs.
func checkFuncEntry(e string) error {
	_, err := parseFuncEntries([]string{e})
	return err
}

// parseFuncEntries parses the -credpath.func entries.
func parseFuncEntries(entries []string) ([]sink, error) {
	var out []sink
	for _, e := range entries {
		s, err := parseFuncEntry(strings.TrimSpace(e))
		if err != nil {
			return nil, fmt.Errorf("credpath: bad -credpath.func entry %q: %v; want \"pkgpath.Func#N\", \"(*pkgpath.Type).Method#N\" or \"pkgpath.Type.Field\"", e, err)
		}
		out = append(out, s)
	}
	return out, nil
}

func parseFuncEntry(e string) (sink, error) {
	if e == "" {
		return sink{}, fmt.Errorf("empty entry")
	}
	if strings.ContainsAny(e, " \t") {
		return sink{}, fmt.Errorf("spaces are not allowed")
	}
	key, argText, hasArg := strings.Cut(e, "#")
	if !hasArg {
		if strings.ContainsAny(key, "()*") {
			return sink{}, fmt.Errorf("a function or method entry needs an argument index: add #N")
		}
		const hint = "a field entry is pkgpath.Type.Field; a function entry needs #N"
		if strings.Count(key, ".") < 2 {
			return sink{}, errors.New(hint)
		}
		pkg, typ, field := splitField(key)
		if err := checkPkgPath(pkg); err != nil {
			return sink{}, err
		}
		if !token.IsIdentifier(typ) || !token.IsIdentifier(field) {
			return sink{}, fmt.Errorf("%q is not Type.Field: %s", typ+"."+field, hint)
		}
		return sink{key: key, arg: -1, param: userParam}, nil
	}
	n, err := strconv.Atoi(argText)
	if err != nil || n < 0 {
		return sink{}, fmt.Errorf("argument index %q is not a number from 0", argText)
	}
	if strings.HasPrefix(key, "(") {
		end := strings.Index(key, ").")
		if end < 0 {
			return sink{}, fmt.Errorf("a method is written (*pkgpath.Type).Method")
		}
		recv, name := strings.TrimPrefix(key[1:end], "*"), key[end+2:]
		i := strings.LastIndex(recv, ".")
		if i < 0 {
			return sink{}, fmt.Errorf("receiver %q has no package path", recv)
		}
		if err := checkPkgPath(recv[:i]); err != nil {
			return sink{}, err
		}
		if !token.IsIdentifier(recv[i+1:]) || !token.IsIdentifier(name) {
			return sink{}, fmt.Errorf("a method is written (*pkgpath.Type).Method")
		}
		return sink{key: key, arg: n, param: userParam}, nil
	}
	if strings.ContainsAny(key, "()*") {
		return sink{}, fmt.Errorf("a method is written (*pkgpath.Type).Method")
	}
	i := strings.LastIndex(key, ".")
	if i < 0 {
		return sink{}, fmt.Errorf("%q has no package path", key)
	}
	pkg, name := key[:i], key[i+1:]
	if err := checkPkgPath(pkg); err != nil {
		return sink{}, err
	}
	if !token.IsIdentifier(name) {
		return sink{}, fmt.Errorf("%q is not a function name", name)
	}
	// "example.com/pkg.Type.Method#0": the last path element holds a
	// type name.
	last := pkg[strings.LastIndex(pkg, "/")+1:]
	if j := strings.LastIndex(last, "."); j >= 0 && j+1 < len(last) && last[j+1] >= 'A' && last[j+1] <= 'Z' {
		return sink{}, fmt.Errorf("a method is written (*pkgpath.Type).Method or (pkgpath.Type).Method")
	}
	return sink{key: key, arg: n, param: userParam}, nil
}

func checkPkgPath(p string) error {
	if p == "" || strings.HasPrefix(p, "/") || strings.HasSuffix(p, "/") || strings.Contains(p, "//") {
		return fmt.Errorf("bad package path %q", p)
	}
	return nil
}
