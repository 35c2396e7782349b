package metadatakey

import "go/ast"

// ruleOddPairs: an odd number of strings given to metadata.Pairs or
// AppendToOutgoingContext, which panic.
const ruleOddPairs = "odd-pairs"

// oddPairs reports call, of the function name, when it is given n
// strings and n is odd.
func (c *checker) oddPairs(call *ast.CallExpr, name string, n int) {
	if n%2 != 0 {
		c.r.Reportf(call, "%s panics on an odd number of strings (%d); pass key, value pairs", name, n)
	}
}
