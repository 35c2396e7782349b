package analyzers_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
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

// replaceBlock replaces the body of README's block name, generated from
// the files from names.
func replaceBlock(doc, name, from, body string) (string, error) {
	begin, end := "<!-- BEGIN "+name+" (generated from "+from+") -->\n", "<!-- END "+name+" -->"
	i := strings.Index(doc, begin)
	j := strings.Index(doc, end)
	if i < 0 || j < i {
		return "", fmt.Errorf("README.md lacks the %q ... %q markers", begin, end)
	}
	return doc[:i+len(begin)] + body + "\n" + doc[j:], nil
}

// TestREADME checks that README.md's generated sections match the
// passes' doc.go, and its "Try it" output testdata/example/expected.txt
// (what the example run prints, checked by cmd/grpcauthlint's
// TestExample); run `go test ./analyzers -run TestREADME -update` to
// re-render them.
func TestREADME(t *testing.T) {
	path := filepath.Join("..", "README.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	table, sections := renderChecks()
	doc, err := replaceBlock(string(data), "CHECK TABLE", "passes/*/doc.go", table)
	if err != nil {
		t.Fatal(err)
	}
	doc, err = replaceBlock(doc, "CHECKS", "passes/*/doc.go", sections)
	if err != nil {
		t.Fatal(err)
	}
	example, err := os.ReadFile(filepath.Join("..", "testdata", "example", "expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err = replaceBlock(doc, "EXAMPLE OUTPUT", "testdata/example/expected.txt", "```\n"+string(example)+"```")
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

// TestDocLinks checks that every relative link of README.md and docs/
// names a file of the repository, and every #anchor a heading of the
// document it points into.
func TestDocLinks(t *testing.T) {
	docs, err := filepath.Glob(filepath.Join("..", "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	docs = append(docs, filepath.Join("..", "README.md"))
	anchors := func(path string) map[string]bool {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		out := map[string]bool{}
		for _, m := range headingRx.FindAllStringSubmatch(string(data), -1) {
			a := strings.Map(func(r rune) rune {
				switch {
				case r == ' ':
					return '-'
				case r == '-' || r == '_' || 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
					return r
				}
				return -1
			}, strings.ToLower(m[1]))
			out[a] = true
		}
		return out
	}
	for _, doc := range docs {
		data, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range linkRx.FindAllStringSubmatch(string(data), -1) {
			target := m[1]
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			file, anchor, _ := strings.Cut(target, "#")
			path := doc
			if file != "" {
				path = filepath.Join(filepath.Dir(doc), filepath.FromSlash(file))
				if _, err := os.Stat(path); err != nil {
					t.Errorf("%s: link %q: no such file", doc, target)
					continue
				}
			}
			if anchor != "" && strings.HasSuffix(path, ".md") && !anchors(path)[anchor] {
				t.Errorf("%s: link %q: no heading for #%s in %s", doc, target, anchor, path)
			}
		}
	}
}

var (
	linkRx    = regexp.MustCompile(`\]\(([^)\s]+)\)`)
	headingRx = regexp.MustCompile(`(?m)^#+ (.*)$`)
)
