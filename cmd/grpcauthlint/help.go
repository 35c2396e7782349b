package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/grpcauthlint/grpcauthlint/analyzers"
)

const usageHead = `grpcauthlint finds the mistakes behind gRPC UNAUTHENTICATED errors.

Usage:
	grpcauthlint [flags] [packages]            lint packages (default ".")
	grpcauthlint help [pass]                   this text, or a pass's documentation
	grpcauthlint version                       the version (also -version)
	go vet -vettool=$(which grpcauthlint) [flags] [packages]

Findings are printed as "file:line:col: pass: message". Packages that
fail to load are reported on one line each and the others are linted.

Exit codes of grpcauthlint:
	0  no findings; with -json, the run succeeded; -fix left no finding
	1  packages failed to load or type-check (or go vet failed)
	2  bad flags
	3  findings; with -fix, findings that no fix resolves remain
	4  -fix -diff printed fixes (the diff)
go vet -vettool exits 1 on findings, broken packages and bad flag values,
and 2 on unknown flags.

Suppress one finding with a comment on its line or the line above:
	//grpcauthlint:ignore <pass>[,<pass>] <reason>
`

func printUsage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprint(w, usageHead)
	fmt.Fprintln(w, "\nPasses:")
	for _, p := range analyzers.Passes() {
		fmt.Fprintf(w, "\t%-14s %s\n", p.Name, p.Doc.Summary())
	}
	fmt.Fprintln(w, "\nFlags:")
	printFlags(w, fs, func(name string) bool { return true })
}

// printFlags prints each flag with its type and default:
//
//	-name type (default value)
//	    	usage
func printFlags(w io.Writer, fs *flag.FlagSet, keep func(name string) bool) {
	fs.VisitAll(func(f *flag.Flag) {
		if !keep(f.Name) {
			return
		}
		typ, def := flagType(f)
		fmt.Fprintf(w, "  -%s %s (default %s)\n    \t%s\n", f.Name, typ, def, f.Usage)
	})
}

// flagType names a flag's type, as the user writes its value, and its
// default.
func flagType(f *flag.Flag) (typ, def string) {
	v := f.Value
	if fw, ok := v.(*forwarded); ok {
		v = fw.target
	}
	if _, ok := v.(*selector); ok {
		return "bool", "unset: every pass runs"
	}
	if b, ok := v.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		return "bool", f.DefValue
	}
	name, _ := flag.UnquoteUsage(&flag.Flag{Value: v, Usage: f.Usage})
	switch {
	case strings.Contains(f.Usage, "repeatable"):
		typ = "list (repeatable, comma-separated)"
		if f.DefValue == "" {
			return typ, "empty"
		}
		return typ, f.DefValue
	case name == "" || name == "value":
		typ = "string"
	default:
		typ = name
	}
	return typ, strconvQuote(f.DefValue)
}

func strconvQuote(s string) string { return fmt.Sprintf("%q", s) }

// help prints the usage, or the documentation and flags of one pass.
func help(args []string, fs *flag.FlagSet, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printUsage(stdout, fs)
		return exitClean
	}
	for _, name := range args {
		var found bool
		for _, p := range analyzers.Passes() {
			if p.Name != name {
				continue
			}
			found = true
			fmt.Fprint(stdout, p.Doc.Text())
			fmt.Fprintln(stdout, "\nFlags:")
			printFlags(stdout, fs, func(f string) bool { return f == name || strings.HasPrefix(f, name+".") })
		}
		if !found {
			fmt.Fprintf(stderr, "grpcauthlint: no pass %q (passes: %s)\n", name, strings.Join(analyzers.Names(), ", "))
			return exitUsage
		}
	}
	return exitClean
}
