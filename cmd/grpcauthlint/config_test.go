package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/grpcauthlint/grpcauthlint/analyzers"
	"github.com/grpcauthlint/grpcauthlint/internal/e2etest"
)

func writeConfig(t *testing.T, dir, content string) string {
	t.Helper()
	p := filepath.Join(dir, configName)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestConfigFlags: the file's settings become the vet flags of the same
// names, checked as strictly as the golangci plugin's settings.
func TestConfigFlags(t *testing.T) {
	dir := t.TempDir()
	p := writeConfig(t, dir, `
disable: [metadatakey]
auth-key: [authorization, x-api-key]
credpath:
  allow-prefix: [/etc/app/, /opt/keys/]
  tests: true
dialcreds:
  allow-target: ["^localhost:"]
`)
	settings, err := readConfig(p)
	if err != nil {
		t.Fatal(err)
	}
	got := configFlags(settings)
	want := []string{"-metadatakey=false", "-auth-key=authorization", "-auth-key=x-api-key", "-credpath.allow-prefix=/etc/app/", "-credpath.allow-prefix=/opt/keys/", "-credpath.tests=true", "-dialcreds.allow-target=^localhost:"}
	if !slices.Equal(got, want) {
		t.Errorf("configFlags = %q, want %q", got, want)
	}
	// Every flag is one the standalone command takes.
	var o options
	for _, f := range got {
		if err := newFlagSet(&o, analyzers.All()).Parse([]string{f}); err != nil {
			t.Errorf("flag %s: %v", f, err)
		}
	}
	// and the vet tool reads past them.
	if m, err := parseVetFlags(append(got, "-fix")); err != nil || !m.fix {
		t.Errorf("parseVetFlags(%q) = %v, %v: want -fix read", got, m.fix, err)
	}

	// Below the file, in a subdirectory, the same file is found.
	sub := filepath.Join(dir, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if f := findConfig(sub); f != p {
		t.Errorf("findConfig(%s) = %q, want %q", sub, f, p)
	}
}

// TestConfigErrors: a bad file is one line naming the file and the key.
func TestConfigErrors(t *testing.T) {
	for _, tc := range []struct{ content, want string }{
		{"credpath:\n  allow-prefx: [x]\n", `credpath: unknown setting "allow-prefx"`},
		{"nosuchpass: {}\n", `unknown setting "nosuchpass"`},
		{"credpath:\n  tests: maybe\n", `credpath: setting "tests" must be true or false`},
		{"enable: [metadatakeys]\n", `enable: unknown pass "metadatakeys"`},
		{"enable: [credpath]\ndisable: [dialcreds]\n", "set enable or disable, not both"},
		{"credpath: [\n", "yaml: line"},
	} {
		p := writeConfig(t, t.TempDir(), tc.content)
		_, err := readConfig(p)
		if err == nil || !strings.HasPrefix(err.Error(), p+": ") || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("readConfig(%q) = %v, want one line %q naming the file", tc.content, err, tc.want)
		}
	}
}

// TestWithConfig: a flag on the command line replaces the file's value
// of that option, and a pass flag there replaces the file's selection.
func TestWithConfig(t *testing.T) {
	file := []string{"-metadatakey=false", "-credpath.allow-prefix=/etc/", "-credpath.tests=true"}
	for _, tc := range []struct{ forward, want []string }{
		{nil, file},
		{[]string{"-json"}, append(slices.Clone(file), "-json")},
		{[]string{"-credpath.allow-prefix=/srv/"}, []string{"-metadatakey=false", "-credpath.tests=true", "-credpath.allow-prefix=/srv/"}},
		{[]string{"-dialcreds"}, []string{"-credpath.allow-prefix=/etc/", "-credpath.tests=true", "-dialcreds"}},
	} {
		if got := withConfig(file, tc.forward); !slices.Equal(got, tc.want) {
			t.Errorf("withConfig(%q) = %q, want %q", tc.forward, got, tc.want)
		}
	}
}

// TestConfigFile runs the standalone command and go vet -vettool on a
// copy of the example with a .grpcauthlint.yml: both read it, the
// command line overrides it, go vet's cache follows its changes, and a
// bad file is one line and exit 2.
func TestConfigFile(t *testing.T) {
	t.Parallel()
	bin := e2etest.VetTool(t)
	example := filepath.Join(e2etest.RepoRoot(t), "testdata", "example")
	e2etest.Download(t, example)
	dir := e2etest.CopyModule(t, example)
	writeConfig(t, dir, "disable: [metadatakey]\ncredpath:\n  allow-prefix: [certs/]\n")
	has := func(out, pass string) bool { return strings.Contains(out, ": "+pass+": ") }
	// Which of three passes report: metadatakey (disabled by the file),
	// credpath (its finding, certs/ca.pem, allowed by the file), dialcreds.
	reporting := func(out string) string {
		var ps []string
		for _, p := range []string{"metadatakey", "credpath", "dialcreds"} {
			if has(out, p) {
				ps = append(ps, p)
			}
		}
		return strings.Join(ps, " ")
	}
	for _, tc := range []struct {
		args       []string
		want       string
		standalone bool
	}{
		{args: []string{"./..."}, want: "dialcreds", standalone: true},
		{args: []string{"-metadatakey", "./..."}, want: "metadatakey", standalone: true},
		{args: []string{"-credpath.allow-prefix=/srv/", "./..."}, want: "credpath dialcreds", standalone: true},
		{args: []string{"-config=none", "./..."}, want: "metadatakey credpath dialcreds", standalone: true},
		{args: []string{"vet", "-vettool=" + bin, "./..."}, want: "dialcreds"},
		{args: []string{"vet", "-vettool=" + bin, "-metadatakey", "./..."}, want: "metadatakey"},
	} {
		name, args := bin, tc.args
		if !tc.standalone {
			name = "go"
		}
		out, errOut, _ := e2etest.Run(t, dir, name, args...)
		if !tc.standalone {
			out = errOut // go vet prints findings on stderr
		}
		if got := reporting(out); got != tc.want {
			t.Errorf("%s %v with %s: %q report, want %q\n%s%s", name, args, configName, got, tc.want, out, errOut)
		}
	}
	// go vet's cache keys follow the file: after a change, no result
	// computed under the old file is replayed.
	writeConfig(t, dir, "enable: [metadatakey]\n")
	if _, errOut, _ := e2etest.Run(t, dir, "go", "vet", "-vettool="+bin, "./..."); !has(errOut, "metadatakey") || has(errOut, "dialcreds") {
		t.Errorf("go vet after the file changed to enable only metadatakey:\n%s", errOut)
	}
	// A bad file: one line naming the file and the key, exit 2.
	p := writeConfig(t, dir, "credpath:\n  allow-prefx: [x]\n")
	_, errOut, code := e2etest.Run(t, dir, bin, "./...")
	if want := "grpcauthlint: " + p + `: credpath: unknown setting "allow-prefx"` + "\n"; code != 2 || errOut != want {
		t.Errorf("grpcauthlint with a bad %s: exit %d\n%s\nwant exit 2 and %q", configName, code, errOut, want)
	}
}
