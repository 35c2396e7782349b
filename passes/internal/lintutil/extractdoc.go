package lintutil

import (
	"fmt"
	"go/doc/comment"
	"regexp"
	"strings"
	"sync"
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

	content string // doc.go
	once    sync.Once
	parsed  *comment.Doc
	start   int // index in parsed.Content of the "# Analyzer NAME" heading
}

// MustExtractDoc reads the contents of a doc.go file and returns the
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
//
// Every run of the vet tool (one per package, dependencies included)
// builds the analyzers, so this only scans lines for the title and the
// description; the comment is parsed for help and the README, on first
// use of Text or Markdown. The description in Analyzer is the comment's
// own text, as wrapped in doc.go.
func ExtractDoc(content, name string) (*Doc, error) {
	// One pass over the section's lines, from its heading to the next
	// heading or the end of the comment, into one buffer: paragraphs are
	// separated by one blank line; the first is the title.
	comment := packageComment(content)
	var b strings.Builder
	in, found, blank := false, false, false
	title := -1 // end of the first paragraph in b
	for line := range strings.Lines(comment) {
		line, ok := commentLine(line)
		if !ok {
			continue
		}
		if in && strings.HasPrefix(line, "# ") {
			break // the section ends; the rest is the long form
		}
		if line == "# Analyzer "+name {
			in, found = true, true
			b.Grow(len(comment))
			continue
		}
		if !in {
			continue
		}
		if strings.TrimSpace(line) == "" {
			blank = b.Len() > 0
			continue
		}
		switch {
		case blank && title < 0:
			title = b.Len()
			b.WriteString("\n\n")
		case blank:
			b.WriteString("\n\n")
		case b.Len() > 0:
			b.WriteByte('\n')
		}
		blank = false
		b.WriteString(line)
	}
	switch {
	case comment == "":
		return nil, fmt.Errorf("doc.go of %s has no package comment", name)
	case !found:
		return nil, fmt.Errorf("doc.go of %s has no \"# Analyzer %s\" section", name, name)
	}
	text := b.String()
	if title < 0 {
		title = len(text)
	}
	heading, ok := strings.CutPrefix(strings.Join(strings.Fields(text[:title]), " "), name+": ")
	if !ok {
		return nil, fmt.Errorf("doc.go of %s: \"# Analyzer %s\" must start with \"%s: title\"", name, name, name)
	}
	d := &Doc{Name: name, Title: strings.TrimSpace(heading), content: content}
	d.Analyzer = d.Title + "\n\n" + strings.TrimPrefix(text[title:], "\n\n")
	return d, nil
}

// commentLines returns the lines of the // comment before the package
// clause of a doc.go file, comment markers removed, directives left out.
func commentLines(content string) []string {
	var lines []string
	for line := range strings.Lines(packageComment(content)) {
		if line, ok := commentLine(line); ok {
			lines = append(lines, line)
		}
	}
	return lines
}

// packageComment returns the part of content that is the package
// comment: the run of // lines just before the package clause. It
// scans bytes and allocates nothing: every run of the vet tool extracts
// each pass's title and description at start-up.
func packageComment(content string) string {
	end := 0
	if !strings.HasPrefix(content, "package ") {
		i := strings.Index(content, "\npackage ")
		if i < 0 {
			return ""
		}
		end = i + 1
	}
	start := end
	for start > 0 {
		prev := strings.LastIndexByte(content[:start-1], '\n') + 1 // the line before start
		if !strings.HasPrefix(content[prev:start], "//") {
			break
		}
		start = prev
	}
	return content[start:end]
}

// commentLine returns a line of the package comment without its comment
// marker and line end; ok is false for directives, which are not
// documentation.
func commentLine(line string) (text string, ok bool) {
	rest := strings.TrimPrefix(strings.TrimRight(line, "\r\n"), "//")
	if strings.HasPrefix(rest, "go:") || strings.HasPrefix(rest, "line ") {
		return "", false
	}
	return strings.TrimPrefix(rest, " "), true
}

// parse parses the comment, once, for Text and Markdown.
func (d *Doc) parse() {
	d.once.Do(func() {
		var p comment.Parser
		d.parsed = p.Parse(strings.Join(commentLines(d.content), "\n") + "\n")
		d.start = 0
		for i, b := range d.parsed.Content {
			if h, ok := b.(*comment.Heading); ok && headingText(h) == "Analyzer "+d.Name {
				d.start = i
				break
			}
		}
	})
}

// Text renders the whole documentation (analyzer section and long form)
// as plain text for `grpcauthlint help NAME`.
func (d *Doc) Text() string {
	d.parse()
	var pr comment.Printer
	pr.TextPrefix = ""
	return string(pr.Text(&comment.Doc{Content: d.parsed.Content[d.start:], Links: d.parsed.Links}))
}

// Markdown renders the documentation for the README: the description,
// then each long-form section under a heading of the given level. Code
// blocks become fenced Go blocks.
func (d *Doc) Markdown(level int) string {
	d.parse()
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
		md := pr.Markdown(&comment.Doc{Content: []comment.Block{block}, Links: d.parsed.Links})
		b.Write(ruleName().ReplaceAll(md, []byte("`$1`")))
		b.WriteString("\n")
	}
	return b.String()
}

// ruleName is a rule's name in backquotes as the Markdown printer
// escapes it (doc comments have no code spans): \`fail-open\` becomes
// the code span `fail-open` again.
var ruleName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile("\\\\`([a-z0-9-]+)\\\\`") })

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
