package plugin_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/grpcauthlint/grpcauthlint/analyzers"
	"github.com/grpcauthlint/grpcauthlint/internal/e2etest"
)

var update = flag.Bool("update", false, "rewrite the generated settings of .golangci.example.yml")

const (
	beginSettings = "# BEGIN GENERATED SETTINGS (go test ./plugin -run TestExampleConfig -update)"
	endSettings   = "# END GENERATED SETTINGS"
)

// renderSettings renders the plugin settings of .golangci.example.yml
// from the registry: every pass, and every option of each with its
// default value and its flag's usage text, so the example can neither
// miss an option nor drift from the vet flags.
func renderSettings(indent string) string {
	var b strings.Builder
	line := func(depth int, s string) {
		b.WriteString(indent + strings.Repeat("  ", depth) + s + "\n")
	}
	comment := func(depth int, text string) {
		for _, l := range wrap(text, 78-len(indent)-2*depth) { // lines of at most 80 columns
			line(depth, "# "+l)
		}
	}
	line(0, beginSettings)
	comment(0, "Passes to run: all by default. List the passes to run in enable, or those to leave out in disable (not both):")
	line(0, "# enable: ["+strings.Join(analyzers.Names(), ", ")+"]")
	line(0, "# disable: []")
	for _, a := range analyzers.All() {
		line(0, a.Name+":")
		a.Flags.VisitAll(func(f *flag.Flag) {
			usage := strings.TrimSuffix(f.Usage, " (repeatable)")
			var value string
			switch {
			case isBool(f):
				value = f.DefValue
			case isList(a.Name, f.Name):
				usage += "; a list of strings"
				var items []string
				for _, v := range strings.Split(f.Value.String(), ",") {
					if v != "" {
						q, _ := json.Marshal(v)
						items = append(items, string(q))
					}
				}
				value = "[" + strings.Join(items, ", ") + "]"
			default:
				q, _ := json.Marshal(f.DefValue)
				value = string(q)
			}
			comment(1, usage+" (vet flag -"+a.Name+"."+f.Name+")")
			line(1, f.Name+": "+value)
		})
	}
	line(0, endSettings)
	return b.String()
}

// wrap splits text into lines of at most width bytes, at spaces.
func wrap(text string, width int) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(text) {
		if cur != "" && len(cur)+1+len(w) > width {
			lines = append(lines, cur)
			cur = ""
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	return append(lines, cur)
}

var settingsBlockRx = regexp.MustCompile(`(?ms)^([ \t]*)` + regexp.QuoteMeta(beginSettings) + `\n.*?^[ \t]*` + regexp.QuoteMeta(endSettings) + `\n`)

// TestExampleConfig checks the generated plugin settings of
// .golangci.example.yml; -update rewrites them. That golangci-lint
// accepts the file, and that it gives the vet tool's findings, is
// checked by TestGolangciLint.
func TestExampleConfig(t *testing.T) {
	path := filepath.Join(e2etest.RepoRoot(t), ".golangci.example.yml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := settingsBlockRx.FindSubmatchIndex(data)
	if m == nil {
		t.Fatalf("%s: no %q ... %q block", path, beginSettings, endSettings)
	}
	indent := string(data[m[2]:m[3]])
	want := renderSettings(indent)
	got := string(data[m[0]:m[1]])
	if got == want {
		return
	}
	if *update {
		out := string(data[:m[0]]) + want + string(data[m[1]:])
		if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s: the generated settings are stale; run go test ./plugin -run TestExampleConfig -update\ngot:\n%s\nwant:\n%s", path, got, want)
}
