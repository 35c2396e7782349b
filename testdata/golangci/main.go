// Command golangci-lint is golangci-lint with the grpcauthlint module
// plugin compiled in: the binary `golangci-lint custom` builds from
// .custom-gcl.yml, built here from the module proxy alone with a plain
// `go build` (no git clone of golangci-lint). The end-to-end tests in
// package plugin build and run it; README shows how to build it by hand.
package main

import (
	"fmt"
	"os"
	"runtime"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/grpcauthlint/grpcauthlint/plugin" // registers the "grpcauthlint" module plugin
)

func main() {
	// Version "(devel)" makes golangci-lint key its result cache on this
	// executable's contents, so a rebuilt plugin never reuses the results
	// of the previous one.
	info := commands.BuildInfo{Version: "(devel)", Commit: "grpcauthlint", GoVersion: runtime.Version(), Date: "(unknown)"}
	if err := commands.Execute(info); err != nil {
		fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}
