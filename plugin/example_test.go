package plugin_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/grpcauthlint/grpcauthlint/analyzers"
	"github.com/grpcauthlint/grpcauthlint/internal/e2etest"
	"github.com/grpcauthlint/grpcauthlint/plugin"
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
	suite := map[string]bool{}
	for _, f := range analyzers.SuiteFlags(analyzers.All()) {
		suite[f.Name] = true
		comment(0, strings.TrimSuffix(f.Usage, " (repeatable)")+"; a list of strings (vet flag -"+f.Name+")")
		line(0, f.Name+": "+listValue(f.Value.String()))
	}
	for _, a := range analyzers.All() {
		line(0, a.Name+":")
		a.Flags.VisitAll(func(f *flag.Flag) {
			if suite[f.Name] {
				// Set by the suite option above; setting it here too
				// would hide the suite's value from this pass.
				comment(1, strings.TrimSuffix(f.Usage, " (repeatable)")+"; replaces the suite's "+f.Name+" for this pass (vet flag -"+a.Name+"."+f.Name+"):")
				line(1, "# "+f.Name+": "+listValue(f.Value.String()))
				return
			}
			usage := strings.TrimSuffix(f.Usage, " (repeatable)")
			var value string
			switch {
			case isBool(f):
				value = f.DefValue
			case isList(a.Name, f.Name):
				usage += "; a list of strings"
				value = listValue(f.Value.String())
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

// listValue renders a list flag's value as a YAML flow list.
func listValue(v string) string {
	var items []string
	for _, s := range strings.Split(v, ",") {
		if s != "" {
			q, _ := json.Marshal(s)
			items = append(items, string(q))
		}
	}
	return "[" + strings.Join(items, ", ") + "]"
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

// TestCustomGCL checks that .custom-gcl.yml builds what the tests build:
// the golangci-lint release of testdata/golangci, whose own x/tools is
// not older than ours, with the import of this plugin package.
func TestCustomGCL(t *testing.T) {
	root := e2etest.RepoRoot(t)
	data, err := os.ReadFile(filepath.Join(root, ".custom-gcl.yml"))
	if err != nil {
		t.Fatal(err)
	}
	field := func(rx string) string {
		m := regexp.MustCompile(`(?m)^` + rx + `:[ \t]+(\S+)[ \t]*$`).FindSubmatch(data)
		if m == nil {
			t.Fatalf(".custom-gcl.yml: no %s", rx)
		}
		return string(m[1])
	}
	version := field("version")
	if got := field(`  - module`); got != e2etest.ModulePath {
		t.Errorf(".custom-gcl.yml: module %s, want %s", got, e2etest.ModulePath)
	}
	pluginPkg := reflect.TypeFor[plugin.Plugin]().PkgPath()
	if got := field(`    import`); got != pluginPkg {
		t.Errorf(".custom-gcl.yml: import %s, want the package that registers the plugin, %s", got, pluginPkg)
	}

	if got := field(`    path`); got != "../grpcauthlint" {
		t.Errorf(".custom-gcl.yml: plugin path %s, want ../grpcauthlint (the clone README's recipe makes)", got)
	}

	e2etest.NeedsGo(t)
	dir := golangciModule(t)
	mainSrc, err := os.ReadFile(filepath.Join(dir, "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(mainSrc), `_ "`+pluginPkg+`"`) {
		t.Errorf("testdata/golangci/main.go does not blank-import %s", pluginPkg)
	}
	out, err := goCmd(dir, "list", "-m", "-f", "{{.Version}} {{.GoMod}}", "github.com/golangci/golangci-lint/v2")
	if err != nil {
		t.Fatal(err)
	}
	gclVersion, gclMod, _ := strings.Cut(strings.TrimSpace(string(out)), " ")
	if gclVersion != version {
		t.Errorf(".custom-gcl.yml builds golangci-lint %s, testdata/golangci %s: keep them equal", version, gclVersion)
	}
	modData, err := os.ReadFile(gclMod)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*golang.org/x/tools (v\S+)`).FindSubmatch(modData)
	if m == nil {
		t.Fatalf("golangci-lint %s: no golang.org/x/tools requirement in %s", gclVersion, gclMod)
	}
	// Minimal version selection takes the larger of golangci-lint's
	// x/tools and ours: the build uses golangci-lint's own only if ours
	// is not newer.
	out, err = goCmd(dir, "list", "-m", "-f", "{{.Version}}", "golang.org/x/tools")
	if err != nil {
		t.Fatal(err)
	}
	if selected := strings.TrimSpace(string(out)); selected != string(m[1]) {
		t.Errorf("golangci-lint %s requires golang.org/x/tools %s, older than this module's (the build selects %s): pin a newer golangci-lint in .custom-gcl.yml and testdata/golangci", gclVersion, m[1], selected)
	}
}
