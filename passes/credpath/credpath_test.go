package credpath_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/grpcauthlint/grpcauthlint/passes/credpath"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintest"
)

func TestSinks(t *testing.T) {
	analysistest.Run(t, lintest.TestData(t), credpath.Analyzer, "sinks")
}
