package tokenrefresh_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintest"
	"github.com/grpcauthlint/grpcauthlint/passes/tokenrefresh"
)

func TestTokenRefresh(t *testing.T) {
	dir := lintest.TestData(t)
	analysistest.Run(t, dir, tokenrefresh.Analyzer, "fetches", "frozen", "refreshers", "caches", "percall", "closures", "oneshot", "longmain", "typeparams", "wrappers", "wrappers/lib", "wrappers/mid")
}
