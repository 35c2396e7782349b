// Command floor is the benchmarks' floor: a vet tool whose only analyzer
// requires inspect and does nothing, run through the same front end as
// grpcauthlint. What grpcauthlint costs above it is the suite's own cost.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/analysis/unitchecker"
)

var nothing = &analysis.Analyzer{
	Name:     "nothing",
	Doc:      "do nothing, after building the inspector as every grpcauthlint pass does",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() { unitchecker.Main(nothing) }
