package credpath_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/grpcauthlint/grpcauthlint/passes/credpath"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintest"
)

func TestSinks(t *testing.T) {
	analysistest.Run(t, lintest.TestData(t), credpath.Analyzer,
		"sinks", "consts", "consts/paths", "joins", "reads", "exempt")
}

func TestAllowPrefix(t *testing.T) {
	cfg := credpath.DefaultConfig()
	cfg.AllowPrefix = []string{"/vault/secrets", "deploy/certs/"}
	analysistest.Run(t, lintest.TestData(t), credpath.New(cfg), "allowprefix")
}
