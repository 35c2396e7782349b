package main

// Tests of the SARIF writer. Every log is validated against the official
// SARIF 2.1.0 JSON schema (OASIS, errata01), kept in
// testdata/sarif/sarif-schema-2.1.0.json: the file of
// https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/,
// as github.com/securego/gosec/v2@v2.30.0 ships it in
// report/sarif/testdata (sha256 c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e).

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/grpcauthlint/grpcauthlint/analyzers"
	"github.com/grpcauthlint/grpcauthlint/internal/e2etest"
)

var (
	schemaOnce sync.Once
	schema     *jsonschema.Schema
	schemaErr  error
)

// validateSARIF checks data against the SARIF 2.1.0 schema, formats
// (uri, uri-reference, date-time) included, and decodes it.
func validateSARIF(t *testing.T, data []byte) *sarifLog {
	t.Helper()
	schemaOnce.Do(func() {
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		schema, schemaErr = c.Compile(filepath.Join("testdata", "sarif", "sarif-schema-2.1.0.json"))
	})
	if schemaErr != nil {
		t.Fatal(schemaErr)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("SARIF output is not JSON: %v\n%s", err, data)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("SARIF output does not validate against the SARIF 2.1.0 schema: %v\n%s", err, data)
	}
	var log sarifLog
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	return &log
}

// TestSchemaRejects makes sure the validator is not vacuous: a log
// missing what the schema requires, or with a bad value, fails.
func TestSchemaRejects(t *testing.T) {
	t.Parallel()
	validateSARIF(t, []byte(`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}}}]}`))
	for _, bad := range []string{
		`{"runs":[]}`,
		`{"version":"2.0.0","runs":[]}`,
		`{"version":"2.1.0","runs":[{"tool":{"driver":{}}}]}`,
		`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"locations":[{"physicalLocation":{"region":{"startLine":0}}}]}]}]}`,
		`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"level":"fatal"}]}]}`,
	} {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if schema.Validate(inst) == nil {
			t.Errorf("schema accepts %s", bad)
		}
	}
}

// sarifCase is a checkout (a .git directory) with a module in mod/ and
// one file, whose go vet -json tree the test writes by hand.
type sarifCase struct {
	root, mod, file string
}

func newSARIFCase(t *testing.T, src string) *sarifCase {
	t.Helper()
	root := t.TempDir()
	c := &sarifCase{root: root, mod: filepath.Join(root, "mod"), file: filepath.Join(root, "mod", "a", "a.go")}
	if err := os.MkdirAll(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	c.write(t, src)
	return c
}

func (c *sarifCase) write(t *testing.T, src string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(c.file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(c.file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

// at returns "file:line:col" of the n-th occurrence (0-based) of sub in
// src, with go's byte column, and the byte offset.
func (c *sarifCase) at(t *testing.T, src, sub string, n int) (string, int) {
	t.Helper()
	off := -1
	for i := 0; i <= n; i++ {
		j := strings.Index(src[off+1:], sub)
		if j < 0 {
			t.Fatalf("%q: occurrence %d not found", sub, n)
		}
		off += 1 + j
	}
	line := strings.Count(src[:off], "\n") + 1
	col := off - (strings.LastIndex(src[:off], "\n") + 1) + 1
	return fmt.Sprintf("%s:%d:%d", c.file, line, col), off
}

func (c *sarifCase) run(t *testing.T, tree map[string]map[string]json.RawMessage, succeeded bool) *sarifLog {
	t.Helper()
	s := newSARIFWriter(c.mod)
	data, err := json.MarshalIndent(s.build(tree, succeeded), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return validateSARIF(t, data)
}

func diagTree(t *testing.T, pass string, diags ...any) map[string]map[string]json.RawMessage {
	t.Helper()
	raw, err := json.Marshal(diags)
	if err != nil {
		t.Fatal(err)
	}
	return map[string]map[string]json.RawMessage{"example.com/a": {pass: raw}}
}

const sarifSrc = `package a

import "google.golang.org/grpc/metadata"

// héllo wörld: non-ASCII before the key moves UTF-16 columns.
var md = metadata.Pairs("é", "Authorization", "v")

func f() {
	_ = md
}
`

// TestSARIFResult checks every part of one result: rule, message,
// location relative to the checkout's root, UTF-16 columns, the fix and
// the related location.
func TestSARIFResult(t *testing.T) {
	t.Parallel()
	c := newSARIFCase(t, sarifSrc)
	posn, off := c.at(t, sarifSrc, `"Authorization"`, 0)
	end, _ := c.at(t, sarifSrc, `, "v"`, 0)
	rel, _ := c.at(t, sarifSrc, "md", 1)
	msg := `metadata key "Authorization" has uppercase letters; use "authorization"`
	log := c.run(t, diagTree(t, "metadatakey", map[string]any{
		"posn": posn, "end": end, "message": msg,
		"suggested_fixes": []any{map[string]any{"message": "lowercase the key", "edits": []any{
			map[string]any{"filename": c.file, "start": off, "end": off + len(`"Authorization"`), "new": `"authorization"`},
		}}},
		"related": []any{map[string]any{"posn": rel, "end": rel, "message": "used here"}},
	}), true)
	run := log.Runs[0]
	if got, want := run.OriginalURIBaseIDs["SRCROOT"].URI, "file://"+filepath.ToSlash(c.root)+"/"; got != want {
		t.Errorf("SRCROOT = %q, want %q", got, want)
	}
	if run.ColumnKind != "utf16CodeUnits" || !run.Invocations[0].ExecutionSuccessful {
		t.Errorf("columnKind %q, invocation %+v", run.ColumnKind, run.Invocations)
	}
	if len(run.Results) != 1 {
		t.Fatalf("%d results, want 1", len(run.Results))
	}
	r := run.Results[0]
	if r.RuleID != "metadatakey" || run.Tool.Driver.Rules[r.RuleIndex].ID != "metadatakey" || r.Message.Text != msg || r.Level != "warning" {
		t.Errorf("result %+v", r)
	}
	loc := r.Locations[0].PhysicalLocation
	if loc.ArtifactLocation != (sarifArtifactLocation{URI: "mod/a/a.go", URIBaseID: "SRCROOT"}) {
		t.Errorf("artifact %+v, want mod/a/a.go under SRCROOT (the .git directory's)", loc.ArtifactLocation)
	}
	// Line 6 is `var md = metadata.Pairs("é", "Authorization", "v")`: "é"
	// is two bytes and one UTF-16 unit, so the byte column 31 is 30.
	if got, want := *loc.Region, (sarifRegion{StartLine: 6, StartColumn: 30, EndLine: 6, EndColumn: 45}); got != want {
		t.Errorf("region %+v, want %+v", got, want)
	}
	if _, byteCol, _ := strings.Cut(posn, "a.go:6:"); byteCol != "31" {
		t.Fatalf("test set-up: byte column %s, want 31", byteCol)
	}
	if len(r.Fixes) != 1 || len(r.Fixes[0].ArtifactChanges) != 1 {
		t.Fatalf("fixes %+v", r.Fixes)
	}
	ch := r.Fixes[0].ArtifactChanges[0]
	dr := ch.Replacements[0].DeletedRegion
	if ch.ArtifactLocation.URI != "mod/a/a.go" || *dr.ByteOffset != off || *dr.ByteLength != len(`"Authorization"`) ||
		dr.StartLine != 6 || dr.StartColumn != 30 || dr.EndLine != 6 || dr.EndColumn != 45 ||
		ch.Replacements[0].InsertedContent.Text != `"authorization"` || r.Fixes[0].Description.Text != "lowercase the key" {
		t.Errorf("fix %+v, region %+v", ch, dr)
	}
	if len(r.RelatedLocations) != 1 || *r.RelatedLocations[0].ID != 1 || r.RelatedLocations[0].Message.Text != "used here" ||
		r.RelatedLocations[0].PhysicalLocation.Region.StartLine != 9 {
		t.Errorf("related %+v", r.RelatedLocations)
	}
}

// TestSARIFRules checks that every pass of the suite is a rule
// documented from its doc.go.
func TestSARIFRules(t *testing.T) {
	t.Parallel()
	c := newSARIFCase(t, sarifSrc)
	log := c.run(t, nil, true)
	rules := log.Runs[0].Tool.Driver.Rules
	urls := map[string]string{}
	for _, a := range analyzers.All() {
		urls[a.Name] = a.URL
	}
	passes := analyzers.Passes()
	if len(rules) != len(passes) {
		t.Fatalf("%d rules, want one per pass (%d)", len(rules), len(passes))
	}
	for i, p := range passes {
		r := rules[i]
		if r.ID != p.Name || r.ShortDescription.Text != p.Doc.Summary() || r.HelpURI != urls[p.Name] || r.HelpURI == "" ||
			r.Help.Text != p.Doc.Text() || r.Help.Markdown != p.Doc.Markdown(2) || r.DefaultConfiguration.Level != "warning" {
			t.Errorf("rule %d: %+v", i, r)
		}
		if r.FullDescription.Text == "" || r.FullDescription.Text == r.ShortDescription.Text || strings.Contains(r.FullDescription.Text, "# Bad") {
			t.Errorf("rule %s: fullDescription %q is not the description of doc.go", r.ID, r.FullDescription.Text)
		}
	}
}

// TestSARIFFingerprints checks that fingerprints survive unrelated lines
// moving (and a message quoting a line number), and tell apart
// findings that differ.
func TestSARIFFingerprints(t *testing.T) {
	t.Parallel()
	src := strings.Replace(sarifSrc, "func f() {", "var md2 = metadata.Pairs(\"é\", \"Authorization\", \"v\")\n\nfunc f() {", 1)
	print := func(src string, occurrence int, msg string) string {
		t.Helper()
		c := newSARIFCase(t, src)
		posn, _ := c.at(t, src, `"Authorization"`, occurrence)
		log := c.run(t, diagTree(t, "metadatakey", map[string]any{"posn": posn, "end": posn, "message": msg}), true)
		return log.Runs[0].Results[0].PartialFingerprints["grpcauthlint/v1"]
	}
	const msg = "key kept in variable md (line 6) has uppercase letters"
	base := print(src, 0, msg)
	if len(base) != 32 {
		t.Fatalf("fingerprint %q", base)
	}
	moved := "// Package a.\n//\n// Three lines more.\n" + src
	if got := print(moved, 0, "key kept in variable md (line 9) has uppercase letters"); got != base {
		t.Errorf("fingerprint changed when lines above moved: %s, was %s", got, base)
	}
	if got := print(src, 0, "another message"); got == base {
		t.Error("fingerprint did not change with the message")
	}
	if got := print(strings.Replace(src, "var md =", "var mdx =", 1), 0, msg); got == base {
		t.Error("fingerprint did not change with the flagged line's text")
	}

	// Two findings with the same message on lines of the same text differ
	// by their occurrence index.
	c := newSARIFCase(t, strings.Replace(src, "var md2 =", "var md =", 1))
	p0, _ := c.at(t, strings.Replace(src, "var md2 =", "var md =", 1), `"Authorization"`, 0)
	p1, _ := c.at(t, strings.Replace(src, "var md2 =", "var md =", 1), `"Authorization"`, 1)
	log := c.run(t, diagTree(t, "metadatakey",
		map[string]any{"posn": p1, "end": p1, "message": msg},
		map[string]any{"posn": p0, "end": p0, "message": msg},
		map[string]any{"posn": p0, "end": p0, "message": msg}, // a test variant's duplicate
	), true)
	rs := log.Runs[0].Results
	if len(rs) != 2 {
		t.Fatalf("%d results, want 2 (duplicates merged)", len(rs))
	}
	if rs[0].Locations[0].PhysicalLocation.Region.StartLine > rs[1].Locations[0].PhysicalLocation.Region.StartLine {
		t.Error("results not sorted by position")
	}
	if rs[0].PartialFingerprints["grpcauthlint/v1"] == rs[1].PartialFingerprints["grpcauthlint/v1"] {
		t.Error("two findings share a fingerprint")
	}
}

// TestSARIFErrors: a pass's error is a notification, and the run is not
// successful; files outside the checkout get absolute file URIs.
func TestSARIFErrors(t *testing.T) {
	t.Parallel()
	c := newSARIFCase(t, sarifSrc)
	outside := filepath.Join(t.TempDir(), "x.go")
	tree := diagTree(t, "dialcreds", map[string]any{"posn": outside + ":3:1", "end": outside + ":3:1", "message": "m"})
	tree["example.com/b"] = map[string]json.RawMessage{"credpath": json.RawMessage(`{"error":"internal error: boom"}`)}
	log := c.run(t, tree, true)
	inv := log.Runs[0].Invocations[0]
	if inv.ExecutionSuccessful || len(inv.Notifications) != 1 || !strings.Contains(inv.Notifications[0].Message.Text, "credpath: internal error: boom") {
		t.Errorf("invocation %+v", inv)
	}
	a := log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation
	if a.URIBaseID != "" || a.URI != "file://"+filepath.ToSlash(outside) {
		t.Errorf("artifact outside the checkout: %+v", a)
	}
	if log := c.run(t, nil, false); log.Runs[0].Invocations[0].ExecutionSuccessful {
		t.Error("failed go vet run reported as successful")
	}
}

// TestSARIFEndToEnd runs grpcauthlint -sarif on the example module and
// on testdata/e2e/grpc185, whose findings have fixes and related
// locations: the logs validate, and hold exactly the findings of -json,
// at the same places.
func TestSARIFEndToEnd(t *testing.T) {
	t.Parallel()
	bin := e2etest.VetTool(t)
	root := e2etest.RepoRoot(t)
	for _, mod := range []string{"testdata/example", "testdata/e2e/grpc185"} {
		t.Run(filepath.Base(mod), func(t *testing.T) {
			dir := filepath.Join(root, mod)
			e2etest.Download(t, dir)
			out, errOut, code := e2etest.Run(t, root, bin, "-C", mod, "-sarif", "./...")
			if code != 0 {
				t.Fatalf("grpcauthlint -sarif: exit %d, want 0 (as -json)\nstderr: %s", code, errOut)
			}
			log := validateSARIF(t, []byte(out))
			run := log.Runs[0]
			if !run.Invocations[0].ExecutionSuccessful {
				t.Errorf("run not successful: %+v", run.Invocations)
			}
			jsonOut, _, _ := e2etest.Run(t, dir, bin, "-json", "./...")
			var want []string
			for _, f := range e2etest.ParseJSON(t, dir, jsonOut) {
				want = append(want, f.String())
			}
			var got []string
			fixes, related := 0, 0
			for _, r := range run.Results {
				loc := r.Locations[0].PhysicalLocation
				if loc.ArtifactLocation.URIBaseID != "SRCROOT" || loc.Region == nil || loc.Region.EndLine == 0 {
					t.Errorf("result %+v: location not under SRCROOT with a full region", r)
					continue
				}
				file, ok := strings.CutPrefix(loc.ArtifactLocation.URI, mod+"/")
				if !ok {
					t.Errorf("uri %q is not relative to the checkout's root", loc.ArtifactLocation.URI)
				}
				got = append(got, e2etest.Finding{File: file, Line: loc.Region.StartLine, Text: r.RuleID + ": " + r.Message.Text}.String())
				if run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
					t.Errorf("result %s: ruleIndex %d names rule %s", r.RuleID, r.RuleIndex, run.Tool.Driver.Rules[r.RuleIndex].ID)
				}
				fixes += len(r.Fixes)
				related += len(r.RelatedLocations)
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("SARIF results:\n%s\n-json findings:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if fixes == 0 {
				t.Error("no result has a fix")
			}
			if mod == "testdata/e2e/grpc185" && related == 0 {
				t.Error("no result has related locations")
			}
		})
	}
}

// TestSARIFCommandLine: -sarif refuses -json and -fix, and a run whose
// packages fail exits 1, as -json does, with a log that says so.
func TestSARIFCommandLine(t *testing.T) {
	t.Parallel()
	bin := e2etest.VetTool(t)
	root := e2etest.RepoRoot(t)
	for _, args := range [][]string{{"-sarif", "-json", "./..."}, {"-sarif", "-fix", "./..."}} {
		if _, errOut, code := e2etest.Run(t, root, bin, append([]string{"-C", "testdata/example"}, args...)...); code != 2 {
			t.Errorf("grpcauthlint %v: exit %d, want 2\n%s", args, code, errOut)
		}
	}
	out, errOut, code := e2etest.Run(t, root, bin, "-C", "testdata/example", "-sarif", "./nosuchdir")
	if code != 1 {
		t.Fatalf("grpcauthlint -sarif ./nosuchdir: exit %d, want 1\n%s", code, errOut)
	}
	if out != "" {
		if log := validateSARIF(t, []byte(out)); log.Runs[0].Invocations[0].ExecutionSuccessful {
			t.Error("failed run's log says executionSuccessful")
		}
	}
}
