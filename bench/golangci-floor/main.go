// Command golangci-floor is the golangci-lint benchmark's floor: the same
// golangci-lint build as testdata/golangci, with a do-nothing plugin
// registered as "grpcauthlint" in place of the real one. bench/run.sh's
// GOLANGCI=1 mode compares the two on the same packages.
package main

import (
	"fmt"
	"os"
	"runtime"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/grpcauthlint/grpcauthlint/bench/golangci-floor/floorplugin"
)

func main() {
	info := commands.BuildInfo{Version: "(devel)", Commit: "floor", GoVersion: runtime.Version(), Date: "(unknown)"}
	if err := commands.Execute(info); err != nil {
		fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}
