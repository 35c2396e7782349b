package analyzers_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/grpcauthlint/grpcauthlint/analyzers"
)

var update = flag.Bool("update", false, "rewrite README.md's generated sections from the passes' doc.go")

// renderChecks renders the README's check table and check sections from
// each pass's doc.go: the docs are written once.
func renderChecks() (table, sections string) {
	var t, s strings.Builder
	t.WriteString("| pass | what it checks |\n|---|---|\n")
	for _, p := range analyzers.Passes() {
		fmt.Fprintf(&t, "| [`%s`](#%s) | %s |\n", p.Name, p.Name, p.Doc.Summary())
		fmt.Fprintf(&s, "### %s\n\n%s: %s\n\n%s\n", p.Name, p.Name, p.Doc.Summary(), strings.TrimSpace(p.Doc.Markdown(4)))
	}
	return strings.TrimSuffix(t.String(), "\n"), strings.TrimSuffix(s.String(), "\n")
}

func replaceBlock(doc, name, body string) (string, error) {
	begin, end := "<!-- BEGIN "+name+" (generated from passes/*/doc.go) -->\n", "<!-- END "+name+" -->"
	i := strings.Index(doc, begin)
	j := strings.Index(doc, end)
	if i < 0 || j < i {
		return "", fmt.Errorf("README.md lacks the %q ... %q markers", begin, end)
	}
	return doc[:i+len(begin)] + body + "\n" + doc[j:], nil
}

// TestREADME checks that README.md's generated sections match the
// passes' doc.go; run `go test ./analyzers -run TestREADME -update` to
// re-render them.
func TestREADME(t *testing.T) {
	path := filepath.Join("..", "README.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	table, sections := renderChecks()
	doc, err := replaceBlock(string(data), "CHECK TABLE", table)
	if err != nil {
		t.Fatal(err)
	}
	doc, err = replaceBlock(doc, "CHECKS", sections)
	if err != nil {
		t.Fatal(err)
	}
	if doc == string(data) {
		return
	}
	if *update {
		if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md is out of date with the passes' doc.go: run go test ./analyzers -run TestREADME -update")
}
