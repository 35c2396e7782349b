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
// it speaks go vet's protocol (unitchecker). See `grpcauthlint help`.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/grpcauthlint/grpcauthlint/analyzers"
)

// Exit codes of a standalone run.
const (
	exitClean    = 0 // no findings (or -json, or -fix applied)
	exitErrors   = 1 // packages failed to load or type-check, or go vet failed
	exitUsage    = 2 // bad flags
	exitFindings = 3 // findings reported (as multichecker does)
)

func main() {
	args := os.Args[1:]
	if isVetProtocol(args) {
		unitchecker.Main(analyzers.All()...)
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

// options of a standalone run.
type options struct {
	json, sarif, fix, diff bool
	tags, dir              string
	forward                []string // pass selection and pass options, as go vet flags
}

// forwarded is a pass flag of the standalone command: it validates the
// value against the pass's own flag and records it for go vet.
type forwarded struct {
	name   string
	target flag.Value
	out    *[]string
}

func (f *forwarded) String() string { return "" }
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

type boolValue bool

func (b *boolValue) String() string   { return fmt.Sprint(bool(*b)) }
func (b *boolValue) IsBoolFlag() bool { return true }
func (b *boolValue) Set(s string) error {
	switch s {
	case "true", "1", "t", "T", "TRUE", "True":
		*b = true
	case "false", "0", "f", "F", "FALSE", "False":
		*b = false
	default:
		return fmt.Errorf("want true or false, not %q", s)
	}
	return nil
}

// newFlagSet declares the standalone flags: the driver's own, one
// -NAME per pass to select it, and every pass option as -NAME.option.
func newFlagSet(o *options, passes []*analysis.Analyzer) *flag.FlagSet {
	fs := flag.NewFlagSet("grpcauthlint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&o.json, "json", false, "print findings as JSON (the go vet -json tree) and exit 0 when the run succeeded")
	fs.BoolVar(&o.sarif, "sarif", false, "print findings as SARIF 2.1.0 (code scanning: one rule per pass) and exit 0 when the run succeeded")
	fs.BoolVar(&o.fix, "fix", false, "apply the suggested fixes instead of printing findings")
	fs.BoolVar(&o.diff, "diff", false, "with -fix, print the fixes as a unified diff instead of applying them")
	fs.StringVar(&o.tags, "tags", "", "comma-separated build tags, passed to the go command")
	fs.StringVar(&o.dir, "C", "", "change to `dir` before running (as go -C); file names are printed relative to it")
	for _, a := range passes {
		fs.Var(&forwarded{name: a.Name, target: new(boolValue), out: &o.forward}, a.Name,
			fmt.Sprintf("run only the selected passes (-%s); -%s=false runs all but it", a.Name, a.Name))
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(&forwarded{name: a.Name + "." + f.Name, target: f.Value, out: &o.forward}, a.Name+"."+f.Name, f.Usage)
		})
	}
	return fs
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
		fmt.Fprintf(stderr, "grpcauthlint: %v (run 'grpcauthlint help' for usage)\n", err)
		return exitUsage
	}
	rest := fs.Args()
	if len(rest) > 0 && rest[0] == "help" {
		return help(rest[1:], fs, stdout, stderr)
	}
	if o.diff && !o.fix {
		fmt.Fprintln(stderr, "grpcauthlint: -diff needs -fix (run 'grpcauthlint help' for usage)")
		return exitUsage
	}
	if o.sarif && (o.json || o.fix) {
		fmt.Fprintln(stderr, "grpcauthlint: -sarif does not combine with -json or -fix (run 'grpcauthlint help' for usage)")
		return exitUsage
	}
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "grpcauthlint: cannot find own executable: %v\n", err)
		return exitErrors
	}
	vetArgs := []string{"vet"}
	if o.dir != "" {
		vetArgs = append(vetArgs, "-C", o.dir)
	}
	vetArgs = append(vetArgs, "-vettool="+self)
	if o.tags != "" {
		vetArgs = append(vetArgs, "-tags="+o.tags)
	}
	vetArgs = append(vetArgs, o.forward...)
	if o.fix {
		vetArgs = append(vetArgs, "-fix")
		if o.diff {
			vetArgs = append(vetArgs, "-diff")
		}
		vetArgs = append(vetArgs, rest...)
		cmd := exec.Command("go", vetArgs...)
		cmd.Stdout, cmd.Stderr = stdout, stderr
		if err := cmd.Run(); err != nil {
			return goError(err, stderr)
		}
		return exitClean
	}
	vetArgs = append(vetArgs, "-json")
	vetArgs = append(vetArgs, rest...)
	var out, errOut bytes.Buffer
	cmd := exec.Command("go", vetArgs...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	runErr := cmd.Run()

	tree, findings, err := decodeTrees(&out)
	if err != nil {
		fmt.Fprintf(stderr, "grpcauthlint: reading go vet output: %v\n", err)
		stderr.Write(errOut.Bytes())
		return exitErrors
	}
	if o.json {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "\t")
		enc.Encode(tree)
	} else if o.sarif {
		if err := writeSARIF(stdout, tree, o.dir, runErr == nil); err != nil {
			fmt.Fprintf(stderr, "grpcauthlint: writing SARIF: %v\n", err)
			return exitErrors
		}
	} else {
		printText(stdout, findings, o.dir)
	}
	stderr.Write(errOut.Bytes())
	switch {
	case runErr != nil && errOut.Len() > 0:
		// Package errors (load, type check) were printed by the go command.
		if _, ok := runErr.(*exec.ExitError); !ok {
			fmt.Fprintf(stderr, "grpcauthlint: %v\n", runErr)
		}
		return exitErrors
	case runErr != nil:
		if _, ok := runErr.(*exec.ExitError); !ok {
			return goError(runErr, stderr)
		}
	}
	if len(findings) > 0 && !o.json && !o.sarif {
		return exitFindings
	}
	return exitClean
}

func goError(err error, stderr io.Writer) int {
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exitErrors
	}
	fmt.Fprintf(stderr, "grpcauthlint: running go vet: %v (grpcauthlint needs the go command on PATH)\n", err)
	return exitErrors
}

// diagnostic is one finding of go vet's JSON output.
type diagnostic struct {
	Posn           string            `json:"posn"`
	End            string            `json:"end,omitempty"`
	Message        string            `json:"message"`
	SuggestedFixes []json.RawMessage `json:"suggested_fixes,omitempty"`
	pass           string
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
				merged[pkg][pass] = raw
				var diags []diagnostic
				if json.Unmarshal(raw, &diags) != nil {
					continue // {"error": ...}: reported on stderr by the go command too
				}
				for _, d := range diags {
					d.pass = pass
					findings = append(findings, d)
				}
			}
		}
	}
	return merged, findings, nil
}

// printText prints findings as "file:line:col: pass: message", sorted by
// position, with file names relative to the working directory.
func printText(w io.Writer, findings []diagnostic, dir string) {
	wd, _ := os.Getwd()
	if dir != "" {
		wd, _ = filepath.Abs(dir)
	}
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
	}
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
