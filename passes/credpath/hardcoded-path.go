package credpath

import "go/ast"

// ruleHardcodedPath: a constant path given to a parameter or struct
// field that names a credential file, or set as
// GOOGLE_APPLICATION_CREDENTIALS.
const ruleHardcodedPath = "hardcoded-path"

func (c *checker) checkPath(arg ast.Expr, p param, setenv bool) {
	value, ok := c.pathOf(arg, 0)
	if !ok || c.exempt(value, p) {
		return
	}
	why := classify(value).why(value)
	if setenv {
		c.report(ruleHardcodedPath, arg, nil, "%s path %q %s; set the variable outside the program", adcEnv, value, why)
		return
	}
	c.report(ruleHardcodedPath, arg, nil, "%s %q %s; %s", p.what, value, why, remedy)
}
