package tokenrefresh

import (
	"fmt"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// ruleKeptResult: the result of a function that fetches and returns a
// fresh value holding the access token, kept where it outlives the
// call.
const ruleKeptResult = "kept-result"

func (c *checker) keptResult(ft fetch, s *sink) string {
	name := lintutil.FuncName(ft.holderOf, c.pass.Pkg)
	return fmt.Sprintf("access token in %s's result frozen in %s; call %s for each use", name, s.what, name)
}
