package analyzers_test

import (
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/packages"

	"github.com/grpcauthlint/grpcauthlint/analyzers"
)

// The in-process benchmarks measure what the passes themselves cost on
// packages already loaded and type-checked (loading is outside the
// timer), against the floors: one analyzer that requires inspect and does
// nothing on the named packages, and the same declaring a fact type, so
// that it runs on every dependency as the suite does. bench/run.sh measures whole runs through the go command.
//
//	go test ./analyzers -run '^$' -bench . -count 6 | tee new.txt   # benchstat new.txt
//
// Corpora, from the real modules of testdata/apis:
//   - grpc: grpc-go packages that use metadata, credentials and dialing;
//   - nongrpc: standard library packages that cannot reach gRPC, where
//     every pass must return on its fast path.

var floorAnalyzer = &analysis.Analyzer{
	Name:     "floor",
	Doc:      "do nothing after inspect",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      func(*analysis.Pass) (any, error) { return nil, nil },
}

// factFloor also declares a fact type, which makes the checker run it on
// every dependency as the suite's fact-using passes are: the floor to
// compare the suite with in-process.
var factFloor = &analysis.Analyzer{
	Name:      "factfloor",
	Doc:       "do nothing after inspect, on every dependency",
	Requires:  []*analysis.Analyzer{inspect.Analyzer},
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
	FactTypes: []analysis.Fact{new(benchFact)},
}

type benchFact struct{}

func (*benchFact) AFact()         {}
func (*benchFact) String() string { return "benchFact" }

var benchCorpora = map[string][]string{
	"grpc": {
		"google.golang.org/grpc",
		"google.golang.org/grpc/metadata",
		"google.golang.org/grpc/credentials/oauth",
		"google.golang.org/grpc/credentials/google",
		"google.golang.org/grpc/internal/transport",
		"google.golang.org/api/option",
		"golang.org/x/oauth2/google",
	},
	"nongrpc": {"net/http", "encoding/json", "go/types", "text/template", "crypto/tls", "archive/zip"},
}

func loadBench(b *testing.B, patterns []string) []*packages.Package {
	b.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "testdata", "apis"))
	if err != nil {
		b.Fatal(err)
	}
	if out, err := exec.Command("go", "-C", dir, "mod", "download").CombinedOutput(); err != nil {
		b.Fatalf("go mod download: %v\n%s", err, out)
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Dir: dir}, patterns...)
	if err != nil {
		b.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		b.Fatal("packages had errors")
	}
	return pkgs
}

func BenchmarkAnalyze(b *testing.B) {
	for _, corpus := range []string{"grpc", "nongrpc"} {
		pkgs := loadBench(b, benchCorpora[corpus])
		type tool struct {
			name string
			as   []*analysis.Analyzer
		}
		tools := []tool{
			{"floor", []*analysis.Analyzer{floorAnalyzer}},
			{"factfloor", []*analysis.Analyzer{factFloor}},
			{"suite", analyzers.All()},
		}
		for _, a := range analyzers.All() { // each pass alone: which one a change made slower
			tools = append(tools, tool{"pass=" + a.Name, []*analysis.Analyzer{a}})
		}
		for _, tool := range tools {
			b.Run(corpus+"/"+tool.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := checker.Analyze(tool.as, pkgs, nil); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
