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
	go vet -vettool=$(which grpcauthlint) [flags] [packages]

Exit codes of grpcauthlint: 0 no findings (always 0 with -json or -fix
when the run succeeds), 3 findings, 1 packages failed to load or
type-check, 2 bad flags. go vet -vettool exits 1 on findings or errors.

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

func printFlags(w io.Writer, fs *flag.FlagSet, keep func(name string) bool) {
	fs.VisitAll(func(f *flag.Flag) {
		if !keep(f.Name) {
			return
		}
		fmt.Fprintf(w, "  -%s\n    \t%s\n", f.Name, f.Usage)
	})
}

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
