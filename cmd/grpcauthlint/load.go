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

// printErrors prints the load errors, then what the go command said.
func (r *vetResult) printErrors(w io.Writer) {
	for _, l := range r.loadErrors {
		fmt.Fprintln(w, "grpcauthlint: "+l)
	}
	w.Write(r.goStderr)
	var exit *exec.ExitError
	if r.err != nil && !errors.As(r.err, &exit) {
		fmt.Fprintf(w, "grpcauthlint: %v\n", r.err)
	}
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
		args = append(args, v.o.forward...)
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

// run runs go vet -json on patterns. When go vet fails without vetting
// anything, it reports the packages that do not load and vets the rest.
func (v *vetter) run(patterns []string) *vetResult {
	r := &vetResult{patterns: patterns}
	v.decode(r, patterns)
	var exit *exec.ExitError
	if r.err == nil || !errors.As(r.err, &exit) || len(r.tree) > 0 {
		return r
	}
	broken, good, err := v.list(patterns)
	if err != nil || len(broken) == 0 {
		return r // not a load failure we can work around: show go vet's words
	}
	r.loadErrors = broken
	r.patterns = good
	r.tree, r.findings, r.goStderr, r.err = map[string]map[string]json.RawMessage{}, nil, nil, nil
	if len(good) > 0 {
		v.decode(r, good)
	}
	return r
}

// decode runs go vet -json on patterns into r.
func (v *vetter) decode(r *vetResult, patterns []string) {
	out, errOut, err := v.vet([]string{"-json"}, patterns)
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

// list asks go list -e -test which packages of patterns fail to load
// (their own files, their tests, or a dependency) and which load.
func (v *vetter) list(patterns []string) (broken, good []string, err error) {
	var out bytes.Buffer
	cmd := exec.Command("go", append(v.goArgs("list", "-e", "-test", "-json=ImportPath,ForTest,Error,DepsErrors"), patterns...)...)
	cmd.Stdout, cmd.Stderr = &out, io.Discard
	if err := cmd.Run(); err != nil && out.Len() == 0 {
		return nil, nil, err
	}
	bad := map[string]string{}
	var roots []string
	dec := json.NewDecoder(&out)
	for {
		var p listedPackage
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			return nil, nil, err
		}
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
			good = append(good, p)
		}
	}
	for p, msg := range bad {
		broken = append(broken, p+": "+msg)
	}
	sort.Strings(broken)
	return broken, good, nil
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
