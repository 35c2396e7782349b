package credpath

import (
	"path"
	"slices"
	"strings"
)

// Paths that are fine although constant, and the path predicates the
// exemptions and the messages share.

// defaultAllow are orchestrator mount points, fixed by design.
var defaultAllow = []string{"/var/run/secrets", "/run/secrets"}

// systemCA are the directories of system CA bundles (crypto/x509's
// root_linux.go and root_bsd.go lists).
var systemCA = []string{
	"/etc/ssl", "/etc/pki", "/etc/ca-certificates", "/etc/openssl",
	"/usr/share/ca-certificates", "/usr/local/share/certs", "/usr/local/etc/ssl",
}

// exempt reports whether a hardcoded path is fine: a secrets mount, an
// allowed prefix, a relative path into a testdata directory, or a system
// CA bundle given as a trust bundle.
func (c *checker) exempt(value string, p param) bool {
	if value == "" {
		return true // not set: nothing is loaded from a path
	}
	clean := path.Clean(value)
	if underAny(clean, c.allow) {
		return true
	}
	if !isAbs(value) && slices.Contains(strings.Split(clean, "/"), "testdata") {
		return true // a test fixture: go test runs in the package directory
	}
	return p.ca && underAny(clean, systemCA)
}

func isAbs(p string) bool {
	return strings.HasPrefix(p, "/") || strings.HasPrefix(p, `\\`) || winDrive(p)
}

// winDrive reports whether p starts with a drive letter and a separator.
func winDrive(p string) bool {
	return len(p) >= 3 && p[1] == ':' && (p[2] == '\\' || p[2] == '/') &&
		(p[0] >= 'a' && p[0] <= 'z' || p[0] >= 'A' && p[0] <= 'Z')
}

func isHome(p string) bool {
	if winDrive(p) {
		rest := strings.ToLower(strings.ReplaceAll(p[3:], `\`, "/"))
		return strings.HasPrefix(rest, "users/")
	}
	return underAny(path.Clean(p), []string{"/home", "/Users", "/root"})
}

func isTemp(p string) bool {
	return underAny(path.Clean(p), []string{"/tmp", "/var/tmp", "/private/tmp", "/private/var/folders", "/dev/shm"})
}

// under reports whether the clean path p is dir or inside it.
func under(p, dir string) bool {
	dir = path.Clean(dir)
	if dir == "/" {
		return strings.HasPrefix(p, "/")
	}
	return p == dir || strings.HasPrefix(p, dir+"/")
}

func underAny(p string, dirs []string) bool {
	for _, d := range dirs {
		if under(p, d) {
			return true
		}
	}
	return false
}
