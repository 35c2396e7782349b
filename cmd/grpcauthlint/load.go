package main

// Running go vet -vettool=<self>, and what happens when packages fail to
// load. go vet stops at the first package that does not load (an empty
// .go file, two package names in a directory, an import go.mod does not
// cover) and vets nothing. Only then, on that failure path, the command
// asks go list -e which packages are broken, reports each on one line,
// and vets the packages that do load: a run where everything loads costs
// exactly one go vet, as before.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// vetter runs the go command for one standalone run.
type vetter struct {
	self     string // this executable, the -vettool
	o        *options
	stderr   io.Writer
	progress bool // show the progress line (stderr is a terminal, text output)
}

// vetResult is what a go vet -json run found.
type vetResult struct {
	tree       map[string]map[string]json.RawMessage // merged go vet -json trees; nil if go vet could not run
	findings   []diagnostic
	patterns   []string // what was vetted: the user's patterns, or the packages that load
	loadErrors []string // one line per package that fails to load: "pkg: error"
	goStderr   []byte   // the go command's own messages (type errors, ...)
	err        error    // go vet failed
}

func (r *vetResult) failed() bool { return r.err != nil || len(r.loadErrors) > 0 }

// printErrors prints the load errors, then what the go command said,
// one line each.
func (r *vetResult) printErrors(w io.Writer) { printLines(w, r.errorLines()) }

// errorLines returns the run's errors as lines "grpcauthlint: ...".
func (r *vetResult) errorLines() []string {
	var lines []string
	for _, l := range r.loadErrors {
		lines = append(lines, "grpcauthlint: "+l)
	}
	lines = append(lines, goErrors(r.goStderr)...)
	var exit *exec.ExitError
	if r.err != nil && !errors.As(r.err, &exit) {
		lines = append(lines, fmt.Sprintf("grpcauthlint: %v", r.err))
	}
	return lines
}

// printLines prints each line of the lists once, in order.
func printLines(w io.Writer, lists ...[]string) {
	seen := map[string]bool{}
	for _, lines := range lists {
		for _, l := range lines {
			if !seen[l] {
				seen[l] = true
				fmt.Fprintln(w, l)
			}
		}
	}
}

// goErrors rewrites what the go command printed on stderr, "# package"
// headers followed by that package's errors (syntax and type errors,
// a vet tool's failure), as one line per error naming its package:
// "grpcauthlint: <package>: <error>", as for packages that fail to load.
// A message's indented continuation lines join its first line; a line
// the tool wrote with its own "grpcauthlint: " prefix, and the go
// command's "go: downloading" progress, are kept as they are.
func goErrors(stderr []byte) []string {
	var lines []string
	pkg := ""
	for _, l := range strings.Split(string(stderr), "\n") {
		switch {
		case strings.TrimSpace(l) == "":
		case strings.HasPrefix(l, "# "):
			pkg = strings.TrimPrefix(l, "# ")
		case (l[0] == ' ' || l[0] == '\t') && len(lines) > 0:
			lines[len(lines)-1] += " " + strings.TrimSpace(l)
		case strings.HasPrefix(l, "grpcauthlint: "), strings.HasPrefix(l, "go: downloading "):
			lines = append(lines, l) // the tool's own words; the go command's progress
		case strings.HasPrefix(l, "go: "), pkg == "":
			pkg = "" // the go command's own words, of no package
			lines = append(lines, "grpcauthlint: "+strings.TrimPrefix(l, "go: "))
		default:
			lines = append(lines, "grpcauthlint: "+pkg+": "+strings.TrimPrefix(l, "vet: "))
		}
	}
	return lines
}

// goArgs returns the go command's arguments for subcommand sub.
func (v *vetter) goArgs(sub string, extra ...string) []string {
	var args []string
	if v.o.dir != "" {
		args = append(args, "-C", v.o.dir)
	}
	args = append(args, sub)
	if sub == "vet" {
		args = append(args, "-vettool="+v.self)
	}
	if v.o.tags != "" {
		args = append(args, "-tags="+v.o.tags)
	}
	if sub == "vet" {
		args = append(args, "-config="+configNone)
		args = append(args, withConfig(v.o.fileFlags, v.o.forward)...)
	}
	return append(args, extra...)
}

// vet runs go vet -vettool=<self> with flags on patterns.
func (v *vetter) vet(flags, patterns []string) (stdout, stderr []byte, err error) {
	var out, errOut bytes.Buffer
	cmd := exec.Command("go", append(v.goArgs("vet", flags...), patterns...)...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	var stop func()
	if v.progress {
		stop = startProgress(cmd, v, patterns)
	}
	err = cmd.Run()
	if stop != nil {
		stop()
	}
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		err = fmt.Errorf("running go vet: %v (grpcauthlint needs the go command on PATH)", err)
	}
	return out.Bytes(), errOut.Bytes(), err
}

// run runs go vet -json on patterns and keeps the findings of the
// packages they name. The tool runs under -report-deps (vettool.go), so
// go vet prints the findings of dependencies too: go list, run beside go
// vet, names the packages asked about. When go vet fails without vetting
// anything, run reports the packages that do not load and vets the rest.
func (v *vetter) run(patterns []string) *vetResult {
	r := &vetResult{patterns: patterns}
	listed := make(chan listing, 1)
	go func() { listed <- v.list(patterns) }()
	v.decode(r, patterns)
	l := <-listed
	var exit *exec.ExitError
	if r.err == nil || !errors.As(r.err, &exit) || len(r.tree) > 0 {
		r.keep(l)
		return r
	}
	if l.err != nil || len(l.broken) == 0 {
		return r // not a load failure we can work around: show go vet's words
	}
	r.loadErrors = l.broken
	r.patterns = l.good
	r.tree, r.findings, r.goStderr, r.err = map[string]map[string]json.RawMessage{}, nil, nil, nil
	if len(l.good) > 0 {
		v.decode(r, l.good)
		r.keep(l)
	}
	return r
}

// keep drops from r the findings of packages l does not list: the
// dependencies go vet vetted for their facts. When go list failed, r
// keeps everything (a finding too many over one lost).
func (r *vetResult) keep(l listing) {
	if l.err != nil {
		return
	}
	for pkg := range r.tree {
		if !l.ids[pkg] {
			delete(r.tree, pkg)
		}
	}
	r.findings = slices.DeleteFunc(r.findings, func(d diagnostic) bool { return !l.ids[d.pkg] })
}

// decode runs go vet -json on patterns into r.
func (v *vetter) decode(r *vetResult, patterns []string) {
	out, errOut, err := v.vet([]string{"-json", "-" + reportDepsFlag}, patterns)
	r.goStderr, r.err = errOut, err
	if err != nil && len(out) == 0 {
		if errors.As(err, new(*exec.ExitError)) {
			r.tree = map[string]map[string]json.RawMessage{}
		}
		return
	}
	tree, findings, derr := decodeTrees(bytes.NewReader(out))
	if derr != nil {
		r.err = fmt.Errorf("reading go vet output: %v", derr)
		return
	}
	r.tree, r.findings = tree, findings
}

// listedPackage is what go list -e -json says of a package.
type listedPackage struct {
	ImportPath string
	ForTest    string
	Error      *packageError
	DepsErrors []*packageError
}

type packageError struct {
	Pos string
	Err string
}

func (e *packageError) String() string {
	msg := e.Err
	if e.Pos != "" && !strings.HasPrefix(msg, e.Pos) {
		msg = e.Pos + ": " + msg
	}
	return strings.Join(strings.Fields(msg), " ") // one line
}

// listing is what go list -e -test says of the patterns.
type listing struct {
	ids    map[string]bool // every package vetted as a root, test variants included ("p [p.test]")
	broken []string        // "pkg: error", one per package that fails to load
	good   []string        // the packages that load
	err    error
}

// list asks go list -e -test which packages patterns name (their test
// variants included), which of them fail to load (their own files, their
// tests, or a dependency) and which load.
func (v *vetter) list(patterns []string) listing {
	var out bytes.Buffer
	cmd := exec.Command("go", append(v.goArgs("list", "-e", "-test", "-json=ImportPath,ForTest,Error,DepsErrors"), patterns...)...)
	cmd.Stdout, cmd.Stderr = &out, io.Discard
	if err := cmd.Run(); err != nil && out.Len() == 0 {
		return listing{err: err}
	}
	l := listing{ids: map[string]bool{}}
	bad := map[string]string{}
	var roots []string
	dec := json.NewDecoder(&out)
	for {
		var p listedPackage
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			return listing{err: err}
		}
		l.ids[p.ImportPath] = true
		owner, _, _ := strings.Cut(p.ImportPath, " ")
		switch {
		case p.ForTest != "":
			owner = p.ForTest
		case strings.HasSuffix(owner, ".test"):
			owner = strings.TrimSuffix(owner, ".test")
		default:
			roots = append(roots, owner)
		}
		e := p.Error
		if e == nil && len(p.DepsErrors) > 0 {
			e = p.DepsErrors[0]
		}
		if e != nil && bad[owner] == "" {
			bad[owner] = e.String()
		}
	}
	seen := map[string]bool{}
	for _, p := range roots {
		if seen[p] {
			continue
		}
		seen[p] = true
		if bad[p] == "" {
			l.good = append(l.good, p)
		}
	}
	for p, msg := range bad {
		l.broken = append(l.broken, p+": "+msg)
	}
	sort.Strings(l.broken)
	return l
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("TERM") == "dumb" {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// noModule says, in a line, that the directory of a run that failed has
// no go.mod at or above it (nor a go.work), where the go command answers
// a ./... pattern with "directory prefix . does not contain main module";
// it returns "" when there is one, and under GO111MODULE=off or a GOWORK
// setting, where the go command's own words stand.
func noModule(o *options) string {
	if os.Getenv("GO111MODULE") == "off" || os.Getenv("GOWORK") != "" {
		return ""
	}
	dir, err := filepath.Abs(o.dir)
	if err != nil || findUp(dir, "go.mod", "go.work") != "" {
		return ""
	}
	return fmt.Sprintf("no go.mod in %s or any directory above it: run grpcauthlint inside a Go module (or name one with -C)", dir)
}
