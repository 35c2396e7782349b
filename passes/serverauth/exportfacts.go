package serverauth

import (
	"go/types"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
)

// exportFacts exports, for callers in other packages, what this
// package's functions do for authentication, the server options they
// return or its variables hold, the servers they build and return, and
// the services they register on a server they are given.
func (c *checker) exportFacts() {
	for _, fn := range c.order {
		decl := c.decls[fn]
		if f := c.funcAuth(fn); f.Checks || f.Returns || f.ChecksSome || f.ReturnsSome {
			c.pass.ExportObjectFact(fn, &f)
		}
		sig, _ := fn.Type().(*types.Signature)
		if sig == nil || decl.Body == nil {
			continue
		}
		if serverResult(sig) >= 0 {
			if f := c.funcServers(fn, 0); f != nil {
				c.pass.ExportObjectFact(fn, f)
			}
		}
		if f := c.funcFailOpen(fn, 0); f != nil && (grpcapi.ServerInterceptor(sig) != 0 || returnsInterceptor(sig)) {
			c.pass.ExportObjectFact(fn, f)
		}
		if optionResult(sig) >= 0 {
			if f := c.funcOptions(fn); f != nil {
				c.pass.ExportObjectFact(fn, f)
			}
		}
		for i := 0; i < sig.Params().Len(); i++ {
			if grpcapi.IsServiceRegistrar(sig.Params().At(i).Type()) {
				if f := c.funcRegisters(fn, 0); f != nil && len(f.Regs) > 0 {
					c.pass.ExportObjectFact(fn, f)
				}
				break
			}
		}
	}
	scope := c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		if v, ok := scope.Lookup(name).(*types.Var); ok && isOptionType(v.Type()) {
			opts := c.pkgVarOptions(v, 0)
			c.pass.ExportObjectFact(v, &optionsFact{Opts: opts})
		}
	}
}
