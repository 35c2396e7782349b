// Command grpcauthlint runs the grpcauthlint suite.
//
// Run directly, it is a standalone linter:
//
//	grpcauthlint [flags] [packages]
//
// It drives `go vet -vettool=<itself>` so that the go command loads,
// caches and schedules packages (and their facts), and prints each
// finding as "file:line:col: pass: message". Run as a vet tool,
//
//	go vet -vettool=$(which grpcauthlint) [flags] [packages]
//
// it speaks go vet's protocol (unitchecker; vettool.go). See
// `grpcauthlint help`.
//
// The standalone command's files, one concern each: main.go (flags,
// output formats, exit codes), load.go (running go vet, packages that
// fail to load), fix.go (-fix and -diff), progress.go (the progress
// line), version.go, help.go.
package main

import (
	"cmp"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/analyzers"
)

// Exit codes of a standalone run.
const (
	exitClean    = 0 // no findings (or a machine-readable format, or -fix left none)
	exitErrors   = 1 // packages failed to load or type-check, or go vet failed
	exitUsage    = 2 // bad flags
	exitFindings = 3 // findings reported (as multichecker does); with -fix, findings no fix resolves
	exitPending  = 4 // -fix -diff: fixes to show (the diff was printed)
)

func main() {
	args := os.Args[1:]
	if isVetProtocol(args) {
		vetTool(args)
		return
	}
	os.Exit(standalone(args, os.Stdout, os.Stderr))
}

// isVetProtocol reports whether the go command (or a user asking for the
// version) invoked the tool: go vet runs it with -V=full, -flags, or a
// unit.cfg file.
func isVetProtocol(args []string) bool {
	for _, a := range args {
		if a == "-flags" || a == "--flags" || strings.HasPrefix(a, "-V") || strings.HasPrefix(a, "--V") {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// A format is a machine-readable output of the findings, chosen by a
// flag of its name instead of the text lines. Formats exclude each
// other and -fix, exit 0 when the run succeeded whatever the findings,
// and never show the progress line.
type format struct {
	name, usage string
	write       func(w io.Writer, r *vetResult, o *options) error
}

// formats lists the machine-readable outputs, one flag each.
var formats = []*format{
	{
		name:  "json",
		usage: "print the findings as JSON (the go vet -json tree) and exit 0 when the run succeeded",
		write: func(w io.Writer, r *vetResult, _ *options) error {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "\t")
			return enc.Encode(r.tree)
		},
	},
	{
		name:  "sarif",
		usage: "print the findings as SARIF 2.1.0 (code scanning: one rule per pass) and exit 0 when the run succeeded",
		write: func(w io.Writer, r *vetResult, o *options) error {
			return writeSARIF(w, r.tree, o.dir, !r.failed(), r.loadErrors...)
		},
	},
}

// options of a standalone run.
type options struct {
	fix, diff, version bool
	tags, dir, config  string
	fileFlags          []string // the configuration file's settings, as go vet flags
	format             *format  // nil: text lines
	formatFlags        []string // the format flags set, to refuse two
	forward            []string // pass selection and pass options, as go vet flags
}

// forwarded is a pass flag of the standalone command: it validates the
// value against the pass's own flag and records it for go vet.
type forwarded struct {
	name   string
	target flag.Value
	out    *[]string
}

func (f *forwarded) String() string {
	if f.target == nil {
		return ""
	}
	return f.target.String()
}
func (f *forwarded) Set(v string) error {
	if err := f.target.Set(v); err != nil {
		return err
	}
	*f.out = append(*f.out, "-"+f.name+"="+v)
	return nil
}
func (f *forwarded) IsBoolFlag() bool {
	b, ok := f.target.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// selector is the value of a -NAME pass flag: unset, true or false.
type selector struct {
	set, on bool
}

func (s *selector) String() string {
	if !s.set {
		return ""
	}
	return fmt.Sprint(s.on)
}
func (s *selector) IsBoolFlag() bool { return true }
func (s *selector) Set(v string) error {
	switch v {
	case "true", "1", "t", "T", "TRUE", "True":
		s.on = true
	case "false", "0", "f", "F", "FALSE", "False":
		s.on = false
	default:
		return fmt.Errorf("want true or false, not %q", v)
	}
	s.set = true
	return nil
}

// formatValue is the boolean flag of a format.
type formatValue struct {
	f *format
	o *options
}

func (v formatValue) String() string   { return "false" }
func (v formatValue) IsBoolFlag() bool { return true }
func (v formatValue) Set(s string) error {
	var b selector
	if err := b.Set(s); err != nil {
		return err
	}
	if b.on {
		v.o.format = v.f
		v.o.formatFlags = append(v.o.formatFlags, "-"+v.f.name)
	}
	return nil
}

// newFlagSet declares the standalone flags: the driver's own, one
// -NAME per pass to select it, and every pass option as -NAME.option.
func newFlagSet(o *options, passes []*analysis.Analyzer) *flag.FlagSet {
	fs := flag.NewFlagSet("grpcauthlint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	for _, f := range formats {
		fs.Var(formatValue{f, o}, f.name, f.usage)
	}
	fs.BoolVar(&o.fix, "fix", false, "apply the suggested fixes, then print the findings that remain")
	fs.BoolVar(&o.diff, "diff", false, "with -fix, print the fixes as a unified diff instead of applying them")
	fs.StringVar(&o.tags, "tags", "", "comma-separated build tags, passed to the go command")
	fs.StringVar(&o.dir, "C", "", "change to `dir` before running (as go -C); file names are printed relative to it")
	fs.StringVar(&o.config, "config", "", "read the settings from `file` instead of the "+configName+" found from the directory upwards; -config=none reads none")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	for _, f := range analyzers.SuiteFlags(passes) {
		fs.Var(&forwarded{name: f.Name, target: f.Value, out: &o.forward}, f.Name, f.Usage)
	}
	for _, a := range passes {
		fs.Var(&forwarded{name: a.Name, target: new(selector), out: &o.forward}, a.Name,
			fmt.Sprintf("run only the selected passes (-%s); -%s=false runs all but it", a.Name, a.Name))
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(&forwarded{name: a.Name + "." + f.Name, target: f.Value, out: &o.forward}, a.Name+"."+f.Name, f.Usage)
		})
	}
	return fs
}

func usageError(stderr io.Writer, format string, args ...any) int {
	fmt.Fprintf(stderr, "grpcauthlint: "+format+" (run 'grpcauthlint help' for usage)\n", args...)
	return exitUsage
}

func standalone(args []string, stdout, stderr io.Writer) int {
	passes := analyzers.All()
	var o options
	fs := newFlagSet(&o, passes)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printUsage(stdout, fs)
			return exitClean
		}
		return usageError(stderr, "%v", err)
	}
	rest := fs.Args()
	switch {
	case o.version || len(rest) > 0 && rest[0] == "version":
		printVersion(stdout)
		return exitClean
	case len(rest) > 0 && rest[0] == "help":
		return help(rest[1:], fs, stdout, stderr)
	case len(o.formatFlags) > 1:
		return usageError(stderr, "%s: choose one output format", strings.Join(o.formatFlags, " and "))
	case o.diff && !o.fix:
		return usageError(stderr, "-diff needs -fix")
	case o.fix && o.format != nil:
		return usageError(stderr, "-fix applies fixes and prints the findings that remain as text: it does not combine with -%s", o.format.name)
	}
	if o.dir != "" {
		if st, err := os.Stat(o.dir); err != nil || !st.IsDir() {
			return usageError(stderr, "-C %s: no such directory", o.dir)
		}
	}
	if path := cmp.Or(o.config, findConfig(cmp.Or(o.dir, "."))); path != configNone && path != "" {
		settings, err := readConfig(path)
		if err != nil {
			fmt.Fprintf(stderr, "grpcauthlint: %v\n", err)
			return exitUsage
		}
		o.fileFlags = configFlags(settings)
	}
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "grpcauthlint: cannot find own executable: %v\n", err)
		return exitErrors
	}
	v := &vetter{self: self, o: &o, stderr: stderr, progress: o.format == nil && isTerminal(stderr)}
	if o.fix {
		return runFix(v, rest, stdout, stderr)
	}
	r := v.run(rest)
	if r.failed() {
		if msg := noModule(&o); msg != "" {
			return usageError(stderr, "%s", msg)
		}
	}
	if r.tree == nil {
		r.printErrors(stderr)
		return exitErrors
	}
	if o.format != nil {
		if err := o.format.write(stdout, r, &o); err != nil {
			fmt.Fprintf(stderr, "grpcauthlint: writing -%s output: %v\n", o.format.name, err)
			return exitErrors
		}
	} else {
		printText(stdout, r.findings, o.dir)
	}
	r.printErrors(stderr)
	switch {
	case r.failed():
		return exitErrors
	case len(r.findings) > 0 && o.format == nil:
		return exitFindings
	}
	return exitClean
}

// diagnostic is one finding of go vet's JSON output.
type diagnostic struct {
	Posn           string            `json:"posn"`
	End            string            `json:"end,omitempty"`
	Message        string            `json:"message"`
	SuggestedFixes []json.RawMessage `json:"suggested_fixes,omitempty"`
	Related        []related         `json:"related,omitempty"`
	pkg, pass      string
}

// related is a second location of a diagnostic.
type related struct {
	Posn    string `json:"posn"`
	Message string `json:"message"`
}

// decodeTrees reads the stream of {package: {pass: [diagnostic]}} trees
// go vet -json prints, one per package, and merges them.
func decodeTrees(r io.Reader) (map[string]map[string]json.RawMessage, []diagnostic, error) {
	merged := make(map[string]map[string]json.RawMessage)
	var findings []diagnostic
	dec := json.NewDecoder(r)
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			return nil, nil, err
		}
		for pkg, passes := range tree {
			if merged[pkg] == nil {
				merged[pkg] = make(map[string]json.RawMessage)
			}
			for pass, raw := range passes {
				raw = stripPassPrefix(pass, raw)
				merged[pkg][pass] = raw
				var diags []diagnostic
				if json.Unmarshal(raw, &diags) != nil {
					continue // {"error": ...}: reported on stderr by the go command too
				}
				for _, d := range diags {
					d.pkg, d.pass = pkg, pass
					findings = append(findings, d)
				}
			}
		}
	}
	return merged, findings, nil
}

// stripPassPrefix removes the "pass: " the vet tool puts before each
// message for go vet's text output (vettool.go) from the diagnostics of
// pass: the tree's keys name the pass already. Other values (a pass's
// {"error": ...}) are returned as they are.
func stripPassPrefix(pass string, raw json.RawMessage) json.RawMessage {
	var diags []map[string]json.RawMessage
	if json.Unmarshal(raw, &diags) != nil {
		return raw
	}
	for _, d := range diags {
		var msg string
		if json.Unmarshal(d["message"], &msg) != nil {
			continue
		}
		if m, ok := strings.CutPrefix(msg, pass+": "); ok {
			d["message"], _ = json.Marshal(m)
		}
	}
	out, err := json.Marshal(diags)
	if err != nil {
		return raw
	}
	return out
}

// printText prints findings as "file:line:col: pass: message", sorted by
// position, with file names relative to the working directory; each
// finding's related locations follow it as go vet prints them,
// "file:line:col: \tmessage".
func printText(w io.Writer, findings []diagnostic, dir string) {
	wd := baseDir(dir)
	for i := range findings {
		findings[i].Posn = relPosn(wd, findings[i].Posn)
	}
	sort.SliceStable(findings, func(i, j int) bool { return lessPosn(findings[i].Posn, findings[j].Posn) })
	seen := make(map[string]bool)
	for _, d := range findings {
		line := fmt.Sprintf("%s: %s: %s", d.Posn, d.pass, d.Message)
		if seen[line] {
			continue // a file of a package and of its test variant
		}
		seen[line] = true
		fmt.Fprintln(w, line)
		for _, r := range d.Related {
			fmt.Fprintf(w, "%s: \t%s\n", relPosn(wd, r.Posn), r.Message)
		}
	}
}

// baseDir is the directory printed file names are relative to: the
// working directory, or -C dir.
func baseDir(dir string) string {
	if dir != "" {
		wd, _ := filepath.Abs(dir)
		return wd
	}
	wd, _ := os.Getwd()
	return wd
}

func relPosn(wd, posn string) string {
	if wd == "" || !filepath.IsAbs(posn) {
		return posn
	}
	if rel, err := filepath.Rel(wd, posn); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return posn
}

// lessPosn orders "file:line:col" positions by file, then line and column
// numerically.
func lessPosn(a, b string) bool {
	fa, la, ca := splitPosn(a)
	fb, lb, cb := splitPosn(b)
	if fa != fb {
		return fa < fb
	}
	if la != lb {
		return la < lb
	}
	return ca < cb
}

func splitPosn(p string) (file string, line, col int) {
	i := strings.LastIndex(p, ":")
	j := strings.LastIndex(p[:max(i, 0)], ":")
	if i < 0 || j < 0 {
		return p, 0, 0
	}
	fmt.Sscan(p[j+1:i], &line)
	fmt.Sscan(p[i+1:], &col)
	return p[:j], line, col
}
