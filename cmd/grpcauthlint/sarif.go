package main

// SARIF 2.1.0 output (-sarif), for GitHub code scanning and other SARIF
// readers: one rule per pass, documented from its doc.go, and one result
// per finding, located relative to the source root, with the finding's
// suggested fix as a SARIF fix, its related information as related
// locations, and a fingerprint that survives unrelated edits.

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/grpcauthlint/grpcauthlint/analyzers"
)

// The SARIF log, as far as grpcauthlint fills it in.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool               sarifTool                        `json:"tool"`
		Invocations        []sarifInvocation                `json:"invocations"`
		OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds"`
		ColumnKind         string                           `json:"columnKind"`
		Results            []sarifResult                    `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string               `json:"id"`
		ShortDescription     *sarifMultiformat    `json:"shortDescription,omitempty"`
		FullDescription      *sarifMultiformat    `json:"fullDescription,omitempty"`
		Help                 *sarifMultiformat    `json:"help,omitempty"`
		HelpURI              string               `json:"helpUri,omitempty"`
		DefaultConfiguration sarifConfiguration   `json:"defaultConfiguration"`
		Properties           *sarifRuleProperties `json:"properties,omitempty"`
	}
	sarifRuleProperties struct {
		Tags []string `json:"tags"`
	}
	sarifConfiguration struct {
		Level string `json:"level"`
	}
	sarifMultiformat struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifMessage struct {
		Text string `json:"text"`
	}
	sarifInvocation struct {
		ExecutionSuccessful bool                `json:"executionSuccessful"`
		Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level   string       `json:"level"`
		Message sarifMessage `json:"message"`
	}
	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             sarifMessage      `json:"message"`
		Locations           []sarifLocation   `json:"locations"`
		RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
		Fixes               []sarifFix        `json:"fixes,omitempty"`
	}
	sarifLocation struct {
		ID               *int                  `json:"id,omitempty"`
		PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
		Message          *sarifMessage         `json:"message,omitempty"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Region           *sarifRegion          `json:"region,omitempty"`
	}
	sarifArtifactLocation struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int  `json:"startLine,omitempty"`
		StartColumn int  `json:"startColumn,omitempty"`
		EndLine     int  `json:"endLine,omitempty"`
		EndColumn   int  `json:"endColumn,omitempty"`
		ByteOffset  *int `json:"byteOffset,omitempty"`
		ByteLength  *int `json:"byteLength,omitempty"`
	}
	sarifFix struct {
		Description     sarifMessage          `json:"description"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	}
	sarifArtifactChange struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Replacements     []sarifReplacement    `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifRegion   `json:"deletedRegion"`
		InsertedContent *sarifMessage `json:"insertedContent,omitempty"`
	}
)

const (
	sarifSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifSrcRoot   = "SRCROOT"         // the uriBaseId of every location under the source root
	sarifLevel     = "warning"         // every pass's default level
	sarifPrintKey  = "grpcauthlint/v1" // our partialFingerprints key
	sarifToolURI   = "https://github.com/grpcauthlint/grpcauthlint"
)

// vetDiagnostic is one diagnostic of go vet -json, with everything SARIF
// carries (x/tools' JSONDiagnostic).
type vetDiagnostic struct {
	Posn           string `json:"posn"`
	End            string `json:"end"`
	Message        string `json:"message"`
	SuggestedFixes []struct {
		Message string `json:"message"`
		Edits   []struct {
			Filename string `json:"filename"`
			Start    int    `json:"start"`
			End      int    `json:"end"`
			New      string `json:"new"`
		} `json:"edits"`
	} `json:"suggested_fixes"`
	Related []struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	} `json:"related"`
	pass string
}

// writeSARIF writes the merged go vet -json tree as a SARIF 2.1.0 log.
// dir is the -C directory ("" for the working directory); succeeded is
// whether go vet ran without package errors; errs (packages that fail to
// load, one line each) become notifications.
func writeSARIF(w io.Writer, tree map[string]map[string]json.RawMessage, dir string, succeeded bool, errs ...string) error {
	wd, err := os.Getwd()
	if err != nil {
		return err
	}
	if dir != "" {
		wd = filepath.Join(wd, dir)
		if filepath.IsAbs(dir) {
			wd = dir
		}
	}
	s := newSARIFWriter(wd)
	log := s.build(tree, succeeded)
	inv := &log.Runs[0].Invocations[0]
	for _, e := range errs {
		inv.ExecutionSuccessful = false
		inv.Notifications = append(inv.Notifications, sarifNotification{Level: "error", Message: sarifMessage{Text: e}})
	}
	data, err := json.MarshalIndent(log, "", "  ")
	if err != nil {
		return err
	}
	data = append(data, '\n')
	_, err = w.Write(data)
	return err
}

type sarifWriter struct {
	wd    string
	roots []string                // the source root, as given and with symlinks resolved
	files map[string]*sarifSource // by absolute file name; nil when unreadable
}

// sarifSource is one file's contents, for line text, columns and fix regions.
type sarifSource struct {
	data       []byte
	lineStarts []int // byte offset of each line's first byte
}

func newSARIFWriter(wd string) *sarifWriter {
	root := sarifSourceRoot(wd)
	s := &sarifWriter{wd: wd, roots: []string{root}, files: map[string]*sarifSource{}}
	if real, err := filepath.EvalSymlinks(root); err == nil && real != root {
		s.roots = append(s.roots, real)
	}
	return s
}

// sarifSourceRoot is the top of the version-control checkout holding dir (the
// nearest directory at or above it with a .git), which is what code
// scanning resolves paths against, or dir itself outside a checkout.
func sarifSourceRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

func (s *sarifWriter) build(tree map[string]map[string]json.RawMessage, succeeded bool) *sarifLog {
	rules, index := sarifRules()
	run := sarifRun{
		Tool:               sarifTool{Driver: sarifDriver{Name: "grpcauthlint", Version: sarifToolVersion(), InformationURI: sarifToolURI, Rules: rules}},
		OriginalURIBaseIDs: map[string]sarifArtifactLocation{sarifSrcRoot: {URI: sarifFileURI(s.roots[0], true)}},
		ColumnKind:         "utf16CodeUnits",
		Results:            []sarifResult{},
	}
	inv := sarifInvocation{ExecutionSuccessful: succeeded}

	// Collect the diagnostics (once each: a file of a package and of its
	// test variant is reported twice) and the passes' errors.
	var diags []vetDiagnostic
	seen := map[string]bool{}
	for _, pkg := range sarifSortedKeys(tree) {
		for _, pass := range sarifSortedKeys(tree[pkg]) {
			raw := tree[pkg][pass]
			var ds []vetDiagnostic
			if err := json.Unmarshal(raw, &ds); err != nil {
				var e struct {
					Error string `json:"error"`
				}
				json.Unmarshal(raw, &e)
				inv.ExecutionSuccessful = false
				inv.Notifications = append(inv.Notifications, sarifNotification{Level: "error", Message: sarifMessage{Text: fmt.Sprintf("%s: %s: %s", pkg, pass, cmp.Or(e.Error, string(raw)))}})
				continue
			}
			for _, d := range ds {
				d.pass = pass
				if key := pass + "\x00" + d.Posn + "\x00" + d.Message; !seen[key] {
					seen[key] = true
					diags = append(diags, d)
				}
			}
		}
	}
	slices.SortStableFunc(diags, func(a, b vetDiagnostic) int {
		fa, la, ca := sarifParsePosn(a.Posn)
		fb, lb, cb := sarifParsePosn(b.Posn)
		return cmp.Or(cmp.Compare(fa, fb), cmp.Compare(la, lb), cmp.Compare(ca, cb), cmp.Compare(a.pass, b.pass), cmp.Compare(a.Message, b.Message))
	})

	occurrences := map[string]int{}
	for _, d := range diags {
		i, ok := index[d.pass]
		if !ok { // a pass the registry does not know: still a rule of its own
			i = len(run.Tool.Driver.Rules)
			index[d.pass] = i
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{ID: d.pass, DefaultConfiguration: sarifConfiguration{Level: sarifLevel}})
		}
		loc, file, line := s.location(d.Posn, d.End)
		r := sarifResult{
			RuleID:    d.pass,
			RuleIndex: i,
			Level:     sarifLevel,
			Message:   sarifMessage{Text: d.Message},
			Locations: []sarifLocation{loc},
		}
		// The fingerprint hashes what the finding is about, not where the
		// file has it: unrelated lines moving leave it alone.
		key := strings.Join([]string{d.pass, loc.PhysicalLocation.ArtifactLocation.URI, sarifNormalizeMessage(d.Message), s.lineText(file, line)}, "\x00")
		n := occurrences[key]
		occurrences[key]++
		sum := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(n)))
		r.PartialFingerprints = map[string]string{sarifPrintKey: hex.EncodeToString(sum[:16])}
		for j, rel := range d.Related {
			l, _, _ := s.location(rel.Posn, rel.End)
			id := j + 1
			l.ID, l.Message = &id, &sarifMessage{Text: rel.Message}
			r.RelatedLocations = append(r.RelatedLocations, l)
		}
		for _, fix := range d.SuggestedFixes {
			f := sarifFix{Description: sarifMessage{Text: fix.Message}}
			byFile := map[string]int{} // index in f.ArtifactChanges
			for _, e := range fix.Edits {
				name := s.abs(e.Filename)
				k, ok := byFile[name]
				if !ok {
					k = len(f.ArtifactChanges)
					byFile[name] = k
					f.ArtifactChanges = append(f.ArtifactChanges, sarifArtifactChange{ArtifactLocation: s.artifact(name)})
				}
				rep := sarifReplacement{DeletedRegion: s.byteRegion(name, e.Start, e.End)}
				if e.New != "" {
					rep.InsertedContent = &sarifMessage{Text: e.New}
				}
				f.ArtifactChanges[k].Replacements = append(f.ArtifactChanges[k].Replacements, rep)
			}
			if len(f.ArtifactChanges) > 0 {
				r.Fixes = append(r.Fixes, f)
			}
		}
		run.Results = append(run.Results, r)
	}
	run.Invocations = []sarifInvocation{inv}
	return &sarifLog{Schema: sarifSchemaURI, Version: "2.1.0", Runs: []sarifRun{run}}
}

// sarifRules describes every pass of the suite from its doc.go.
func sarifRules() ([]sarifRule, map[string]int) {
	urls := map[string]string{}
	descs := map[string]string{}
	for _, a := range analyzers.All() {
		urls[a.Name] = a.URL
		_, desc, _ := strings.Cut(a.Doc, "\n\n")
		descs[a.Name] = strings.TrimSpace(desc)
	}
	var rules []sarifRule
	index := map[string]int{}
	for _, p := range analyzers.Passes() {
		index[p.Name] = len(rules)
		full := cmp.Or(descs[p.Name], p.Doc.Summary())
		rules = append(rules, sarifRule{
			ID:                   p.Name,
			ShortDescription:     &sarifMultiformat{Text: p.Doc.Summary()},
			FullDescription:      &sarifMultiformat{Text: sarifUnwrap(full), Markdown: full},
			Help:                 &sarifMultiformat{Text: p.Doc.Text(), Markdown: p.Doc.Markdown(2)},
			HelpURI:              urls[p.Name],
			DefaultConfiguration: sarifConfiguration{Level: sarifLevel},
			Properties:           &sarifRuleProperties{Tags: []string{"grpc", "authentication"}},
		})
	}
	return rules, index
}

// sarifUnwrap joins the lines of each paragraph, as doc.go wraps them.
func sarifUnwrap(s string) string {
	paras := strings.Split(s, "\n\n")
	for i, p := range paras {
		paras[i] = strings.Join(strings.Fields(p), " ")
	}
	return strings.Join(paras, "\n\n")
}

// sarifToolVersion is the module version the binary was built from, when the
// build recorded one (go install ...@version).
func sarifToolVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return ""
}

// location turns go vet's "file:line:col" start and end into a SARIF
// location; it also returns the absolute file name and the start line.
func (s *sarifWriter) location(posn, end string) (sarifLocation, string, int) {
	file, line, col := sarifParsePosn(posn)
	file = s.abs(file)
	loc := sarifLocation{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: s.artifact(file)}}
	if line > 0 {
		r := &sarifRegion{StartLine: line, StartColumn: s.column(file, line, col)}
		if ef, el, ec := sarifParsePosn(end); el > 0 && s.abs(ef) == file {
			r.EndLine, r.EndColumn = el, s.column(file, el, ec)
		}
		loc.PhysicalLocation.Region = r
	}
	return loc, file, line
}

// artifact names a file relative to the source root, or by its absolute
// file URI when it lies outside (the module cache, GOROOT).
func (s *sarifWriter) artifact(file string) sarifArtifactLocation {
	for _, root := range s.roots {
		if rel, err := filepath.Rel(root, file); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return sarifArtifactLocation{URI: (&url.URL{Path: filepath.ToSlash(rel)}).String(), URIBaseID: sarifSrcRoot}
		}
	}
	return sarifArtifactLocation{URI: sarifFileURI(file, false)}
}

func (s *sarifWriter) abs(file string) string {
	if file == "" || filepath.IsAbs(file) {
		return file
	}
	return filepath.Join(s.wd, file)
}

func sarifFileURI(path string, dir bool) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter
	}
	if dir && !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// source reads a file once; nil when it cannot be read.
func (s *sarifWriter) source(file string) *sarifSource {
	src, ok := s.files[file]
	if ok {
		return src
	}
	data, err := os.ReadFile(file)
	if err == nil {
		src = &sarifSource{data: data, lineStarts: []int{0}}
		for i, b := range data {
			if b == '\n' {
				src.lineStarts = append(src.lineStarts, i+1)
			}
		}
	}
	s.files[file] = src
	return src
}

// line returns the bytes of line n (1-based) without its newline.
func (src *sarifSource) line(n int) ([]byte, bool) {
	if src == nil || n < 1 || n > len(src.lineStarts) {
		return nil, false
	}
	start, end := src.lineStarts[n-1], len(src.data)
	if n < len(src.lineStarts) {
		end = src.lineStarts[n] - 1
	}
	return bytes.TrimSuffix(src.data[start:end], []byte("\r")), true
}

// column converts go's 1-based byte column to SARIF's 1-based UTF-16
// column; without the file it keeps the byte column.
func (s *sarifWriter) column(file string, line, col int) int {
	text, ok := s.source(file).line(line)
	if !ok || col < 1 || col-1 > len(text) {
		return max(col, 1)
	}
	return sarifUTF16Len(text[:col-1]) + 1
}

func sarifUTF16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		n += max(utf16.RuneLen(r), 1)
	}
	return n
}

// byteRegion is the region of bytes [start, end) of a file, with its
// lines and columns when the file can be read.
func (s *sarifWriter) byteRegion(file string, start, end int) sarifRegion {
	length := max(end-start, 0)
	r := sarifRegion{ByteOffset: &start, ByteLength: &length}
	src := s.source(file)
	if src == nil || start < 0 || end > len(src.data) || end < start {
		return r
	}
	r.StartLine, r.StartColumn = s.offsetPosition(file, src, start)
	r.EndLine, r.EndColumn = s.offsetPosition(file, src, end)
	return r
}

func (s *sarifWriter) offsetPosition(file string, src *sarifSource, off int) (line, col int) {
	i, found := slices.BinarySearch(src.lineStarts, off)
	if !found {
		i--
	}
	line = i + 1
	return line, s.column(file, line, off-src.lineStarts[i]+1)
}

// lineText is the flagged line with its white space normalised ("" when
// the file cannot be read).
func (s *sarifWriter) lineText(file string, line int) string {
	text, _ := s.source(file).line(line)
	return strings.Join(strings.Fields(string(text)), " ")
}

// sarifLineRefRx matches the line numbers a message may quote ("(line 29)",
// "dial.go:12:3"): they change when unrelated lines move.
// It is compiled on first use: every run of the vet tool (one per
// package) starts this binary, and only -sarif needs it.
var sarifLineRefRx = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\blines? \d+|\.go:\d+(:\d+)?`)
})

func sarifNormalizeMessage(msg string) string {
	return sarifLineRefRx().ReplaceAllStringFunc(msg, func(m string) string {
		if strings.HasPrefix(m, ".go:") {
			return ".go:N"
		}
		return "line N"
	})
}

// sarifParsePosn splits go vet's "file:line:col" (line and col 0 when absent).
func sarifParsePosn(p string) (file string, line, col int) {
	i := strings.LastIndex(p, ":")
	if i < 0 {
		return p, 0, 0
	}
	last, err := strconv.Atoi(p[i+1:])
	if err != nil {
		return p, 0, 0
	}
	j := strings.LastIndex(p[:i], ":")
	if j >= 0 {
		if l, err := strconv.Atoi(p[j+1 : i]); err == nil {
			return p[:j], l, last
		}
	}
	return p[:i], last, 0
}

func sarifSortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
