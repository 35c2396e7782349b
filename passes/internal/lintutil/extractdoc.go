package lintutil

import (
	"fmt"
	"go/doc/comment"
	"go/parser"
	"go/token"
	"strings"
)

// Doc is an analyzer's documentation, taken from the package comment of
// its doc.go, the single source for Analyzer.Doc, `grpcauthlint help`
// and the README.
//
// The comment has a section "# Analyzer NAME" whose first paragraph is
// "NAME: title" and whose rest is the description; the sections after it
// ("# Bad", "# Good", "# Flags", ...) are the long form.
type Doc struct {
	Name     string
	Title    string // lower-case verb phrase, no period
	Analyzer string // "title\n\ndescription": the form Analyzer.Doc expects
	parsed   *comment.Doc
	start    int // index in parsed.Content of the "# Analyzer NAME" heading
}

// MustExtractDoc parses the contents of a doc.go file and returns the
// documentation of analyzer name; it panics when the file does not have
// the required shape (a programming error caught by every test).
func MustExtractDoc(content, name string) *Doc {
	d, err := ExtractDoc(content, name)
	if err != nil {
		panic(err)
	}
	return d
}

// ExtractDoc is MustExtractDoc returning an error.
func ExtractDoc(content, name string) (*Doc, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "doc.go", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return nil, err
	}
	if f.Doc == nil {
		return nil, fmt.Errorf("doc.go of %s has no package comment", name)
	}
	var p comment.Parser
	parsed := p.Parse(f.Doc.Text())
	d := &Doc{Name: name, parsed: parsed, start: -1}
	for i, b := range parsed.Content {
		h, ok := b.(*comment.Heading)
		if !ok {
			continue
		}
		if headingText(h) == "Analyzer "+name {
			d.start = i
			break
		}
	}
	if d.start < 0 || d.start+1 >= len(parsed.Content) {
		return nil, fmt.Errorf("doc.go of %s has no \"# Analyzer %s\" section", name, name)
	}
	first, ok := parsed.Content[d.start+1].(*comment.Paragraph)
	if !ok {
		return nil, fmt.Errorf("doc.go of %s: \"# Analyzer %s\" must start with \"%s: title\"", name, name, name)
	}
	title, found := strings.CutPrefix(inlineText(first.Text), name+": ")
	if !found {
		return nil, fmt.Errorf("doc.go of %s: \"# Analyzer %s\" must start with \"%s: title\"", name, name, name)
	}
	d.Title = strings.TrimSpace(title)
	end := d.sectionEnd(d.start + 1)
	body := &comment.Doc{Content: parsed.Content[d.start+2 : end], Links: parsed.Links}
	var pr comment.Printer
	d.Analyzer = d.Title + "\n\n" + strings.TrimSpace(string(pr.Text(body)))
	return d, nil
}

func (d *Doc) sectionEnd(from int) int {
	for i := from; i < len(d.parsed.Content); i++ {
		if _, ok := d.parsed.Content[i].(*comment.Heading); ok {
			return i
		}
	}
	return len(d.parsed.Content)
}

// Text renders the whole documentation (analyzer section and long form)
// as plain text for `grpcauthlint help NAME`.
func (d *Doc) Text() string {
	var pr comment.Printer
	pr.TextPrefix = ""
	return string(pr.Text(&comment.Doc{Content: d.parsed.Content[d.start:], Links: d.parsed.Links}))
}

// Markdown renders the documentation for the README: the description,
// then each long-form section under a heading of the given level. Code
// blocks become fenced Go blocks.
func (d *Doc) Markdown(level int) string {
	pr := comment.Printer{
		HeadingLevel: level,
		HeadingID:    func(h *comment.Heading) string { return "" },
	}
	var b strings.Builder
	for _, block := range d.parsed.Content[d.start+2:] {
		if code, ok := block.(*comment.Code); ok {
			b.WriteString("```go\n" + code.Text + "```\n\n")
			continue
		}
		b.Write(pr.Markdown(&comment.Doc{Content: []comment.Block{block}, Links: d.parsed.Links}))
		b.WriteString("\n")
	}
	return b.String()
}

func headingText(h *comment.Heading) string { return inlineText(h.Text) }

func inlineText(text []comment.Text) string {
	var b strings.Builder
	for _, t := range text {
		switch t := t.(type) {
		case comment.Plain:
			b.WriteString(string(t))
		case comment.Italic:
			b.WriteString(string(t))
		case *comment.Link:
			b.WriteString(inlineText(t.Text))
		case *comment.DocLink:
			b.WriteString(inlineText(t.Text))
		}
	}
	return b.String()
}

// Summary returns the title: a lower-case verb phrase without a period.
func (d *Doc) Summary() string { return d.Title }
