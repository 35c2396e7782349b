package main

// The vet tool side: go vet runs the tool once per package with its
// flags and a unit.cfg file. Before unitchecker takes over, the tool
//
//   - reports a bad flag value once for the whole go vet run instead of
//     once per package with the whole usage (badFlag);
//   - names the pass in each finding's message, "pass: message", so that
//     go vet's plain text output reads "file:line:col: pass: message" as
//     the standalone command's and golangci-lint's do. go vet (Go 1.24
//     and later) always runs the tool with -json and formats the text
//     itself, without the analyzer's name, so the tool cannot tell text
//     from -json: go vet -json messages carry the prefix too, and the
//     standalone command, which knows the pass from the JSON tree, strips
//     it (stripPassPrefix). Under -fix messages are not shown.
//   - has the first enabled pass, in suite order, report the malformed
//     //grpcauthlint:ignore comments (analyzers.CheckDirectives), so each is
//     reported once whichever passes run;
//   - under -report-deps (set by the standalone command only), reports in
//     the facts-only runs of dependencies too (depsReport).

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/grpcauthlint/grpcauthlint/analyzers"
)

func vetTool(args []string) {
	as := analyzers.All()
	flag.Bool(reportDepsFlag, false, "report findings in the facts-only runs of dependencies too (the grpcauthlint command sets it; see 'grpcauthlint help')")
	flag.String("config", "", "read no "+configName+" with -config=none (the grpcauthlint command passes the file's settings as flags); by default the file is found from each package's directory upwards")
	for _, f := range analyzers.SuiteFlags(as) {
		flag.Var(f.Value, f.Name, f.Usage)
	}
	if len(args) == 1 && strings.TrimLeft(args[0], "-") == "V=full" {
		if id := configID(); id != "" {
			if err := printVetVersion(os.Stdout, id); err != nil {
				fmt.Fprintf(os.Stderr, "grpcauthlint: %v\n", err)
				os.Exit(1)
			}
			return
		}
	}
	if len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg") {
		reportProgress()
		cargs, err := vetConfigArgs(args)
		if err != nil {
			os.Exit(badFlag(err, args))
		}
		args = cargs
		os.Args = append(os.Args[:1:1], args...)
		m, err := parseVetFlags(args[:len(args)-1])
		if err != nil {
			os.Exit(badFlag(err, args))
		}
		prepare(as, m)
		cfg := args[len(args)-1]
		rooted := false // a facts-only unit rewritten to run as a root
		if m.reportDeps && !m.fix {
			if root, ok := depsReport(cfg); ok {
				os.Args[len(os.Args)-1] = root
				rooted = true
			}
		}
		if !rooted && factsOnlyUnit(cfg) {
			analyzers.FactsOnly(as)
		}
	}
	unitchecker.Main(as...)
}

// reportDepsFlag makes the tool report findings in facts-only runs.
//
// Go 1.26's go command caches each vet action's stdout under a key that
// does not say whether the run was facts-only (VetxOnly, for a
// dependency) or a root's: a package vetted first as a dependency, with
// no output, replays that empty output when it is later vetted as a root,
// and its findings are lost (fixed in Go 1.27.3). Under this flag a
// facts-only run reports like a root run, so whichever run fills the
// cache entry, it holds the findings; the standalone command always sets
// the flag (its cache entries are apart from plain go vet's, whose key
// has the flags) and keeps only the findings of the packages it was asked
// about.
const reportDepsFlag = "report-deps"

// depsReport returns a copy of the unit config file cfg that runs as a
// root (VetxOnly false) when cfg is facts-only, written beside it; ok is
// false when cfg is a root run already or cannot be rewritten (then it
// runs as it is: facts only, as without the flag).
func depsReport(cfg string) (string, bool) {
	data, err := os.ReadFile(cfg)
	if err != nil {
		return "", false
	}
	var unit map[string]json.RawMessage
	if json.Unmarshal(data, &unit) != nil || string(unit["VetxOnly"]) != "true" {
		return "", false
	}
	unit["VetxOnly"] = json.RawMessage("false")
	out, err := json.Marshal(unit)
	if err != nil {
		return "", false
	}
	root := strings.TrimSuffix(cfg, ".cfg") + "-root.cfg"
	if os.WriteFile(root, out, 0o666) != nil {
		return "", false
	}
	return root, true
}

// factsOnlyUnit reports whether the unit config file cfg is a facts-only
// run (VetxOnly: a dependency's, whose findings go vet throws away). It
// looks for the key instead of decoding the file, which unitchecker
// decodes next, on every run: a "VetxOnly": inside a string is escaped,
// and as a key of the file's maps (import paths) it has no value true
// (no standard package has that path).
func factsOnlyUnit(cfg string) bool {
	data, err := os.ReadFile(cfg)
	if err != nil {
		return false
	}
	for {
		_, rest, ok := bytes.Cut(data, []byte(`"VetxOnly":`))
		if !ok {
			return false
		}
		if bytes.HasPrefix(bytes.TrimLeft(rest, " \t\r\n"), []byte("true")) {
			return true
		}
		data = rest
	}
}

// vetMode is what the tool's flags say about a unit run.
type vetMode struct {
	fix, reportDeps bool
	selected        map[string]*selector
}

// parseVetFlags reads the flags go vet passes to the tool as
// unitchecker will (analysisflags: -NAME, -NAME.option, -json, -fix, ...),
// into throwaway values: unitchecker parses them again for real. A flag
// unknown here is left to unitchecker (go vet refuses unknown flags
// before it runs the tool).
func parseVetFlags(args []string) (vetMode, error) {
	m := vetMode{selected: map[string]*selector{}}
	if len(args) == 0 {
		return m, nil
	}
	fs := flag.NewFlagSet("grpcauthlint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Bool("json", false, "")
	fs.BoolVar(&m.fix, "fix", false, "")
	fs.BoolVar(&m.reportDeps, reportDepsFlag, false, "")
	fs.Bool("diff", false, "")
	fs.Int("c", -1, "")
	for _, b := range []string{"flags", "source", "v", "all"} {
		fs.Bool(b, false, "")
	}
	fs.String("tags", "", "")
	fs.String("config", "", "")
	as := analyzers.All() // a fresh copy: list flags append
	for _, f := range analyzers.SuiteFlags(as) {
		fs.Var(f.Value, f.Name, "")
	}
	for _, a := range as {
		s := new(selector)
		m.selected[a.Name] = s
		fs.Var(s, a.Name, "")
		a.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, a.Name+"."+f.Name, "") })
	}
	err := fs.Parse(args)
	if err != nil && strings.Contains(err.Error(), "flag provided but not defined") {
		return m, nil
	}
	return m, err
}

// prepare adapts the analyzers to the run: the directive check on the
// first enabled pass, and pass names in messages.
func prepare(as []*analysis.Analyzer, m vetMode) {
	// analysisflags: if any -NAME is true, only those run; otherwise all
	// but those set false.
	anyTrue := false
	for _, s := range m.selected {
		anyTrue = anyTrue || s.set && s.on
	}
	enabled := func(a *analysis.Analyzer) bool {
		s := m.selected[a.Name]
		switch {
		case s == nil:
			return !anyTrue
		case anyTrue:
			return s.set && s.on
		}
		return !s.set || s.on
	}
	for _, a := range as {
		if enabled(a) {
			analyzers.CheckDirectives(a)
			break
		}
	}
	if m.fix {
		return
	}
	for _, a := range as {
		name, run := a.Name, a.Run
		a.Run = func(pass *analysis.Pass) (any, error) {
			report := pass.Report
			pass.Report = func(d analysis.Diagnostic) {
				d.Message = name + ": " + d.Message
				report(d)
			}
			return run(pass)
		}
	}
}

// flagErrorTTL is how long a go vet run's record of its bad-flag report
// lives without a package run refreshing it.
const flagErrorTTL = 10 * time.Minute

// badFlag reports a bad flag value under go vet. go vet runs the tool on
// every package (the standard library included) and prints what each
// run says: the error, once per run, would fill the terminal. The first
// run of a go vet process (the parent) prints it, in two lines, and
// fails; the others succeed silently (writing the empty facts file go
// vet expects), so go vet prints the error once and exits 1. A record
// in the temporary directory, named for the parent process and the
// flags, says the error was printed; go vet caches nothing of the run
// that failed, so the next go vet with the same flags prints it again.
func badFlag(err error, args []string) int {
	h := sha256.Sum256([]byte(strings.Join(args[:len(args)-1], "\x00")))
	mark := filepath.Join(os.TempDir(), fmt.Sprintf("grpcauthlint-flagerror-%d-%s", os.Getppid(), hex.EncodeToString(h[:8])))
	first := false
	for range 2 {
		f, cerr := os.OpenFile(mark, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if cerr == nil {
			f.Close()
			first = true
			break
		}
		st, serr := os.Stat(mark)
		if serr != nil || time.Since(st.ModTime()) < flagErrorTTL {
			break
		}
		os.Remove(mark) // left by an earlier process of the same id
	}
	if !first {
		if _, serr := os.Stat(mark); serr != nil {
			first = true // cannot record it: say it every time
		}
	}
	if first {
		// Records of earlier go vet runs: gone once stale.
		old, _ := filepath.Glob(filepath.Join(os.TempDir(), "grpcauthlint-flagerror-*"))
		for _, o := range old {
			if st, err := os.Stat(o); err == nil && time.Since(st.ModTime()) > flagErrorTTL {
				os.Remove(o)
			}
		}
		fmt.Fprintf(os.Stderr, "grpcauthlint: %v\n", err)
		fmt.Fprintf(os.Stderr, "grpcauthlint: (reported once for all packages; %s lists the flags)\n", helpHint(err))
		return 1
	}
	now := time.Now()
	os.Chtimes(mark, now, now)
	writeEmptyVetx(args[len(args)-1])
	return 0
}

// helpHint names the help command for the pass a flag error is about.
func helpHint(err error) string {
	msg := err.Error()
	for _, n := range analyzers.Names() {
		if strings.Contains(msg, "-"+n+".") || strings.Contains(msg, "-"+n+":") || strings.HasSuffix(msg, "-"+n) {
			return "'grpcauthlint help " + n + "'"
		}
	}
	return "'grpcauthlint help'"
}

// writeEmptyVetx writes the facts file of unit cfg, empty, so that go
// vet finds what a successful run leaves.
func writeEmptyVetx(cfg string) {
	data, err := os.ReadFile(cfg)
	if err != nil {
		return
	}
	var c struct{ VetxOutput string }
	if json.Unmarshal(data, &c) == nil && c.VetxOutput != "" {
		if err := os.WriteFile(c.VetxOutput, nil, 0o666); err != nil && !errors.Is(err, os.ErrExist) {
			return
		}
	}
}
