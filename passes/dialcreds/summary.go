package dialcreds

import (
	"go/ast"
	"go/types"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// Summaries: each function declaration of the package is walked once,
// on demand (its callers need its summary) or in order, and each
// package-level variable of a tracked type evaluated once; their
// summaries are exported as facts for other packages.

// funcDecl walks a function once, recording its sites, and returns the
// summary of its options result.
func (c *checker) funcDecl(d *ast.FuncDecl) *funcResult {
	if r, ok := c.done[d]; ok {
		return r
	}
	if d.Body == nil {
		return nil
	}
	c.done[d] = errInProgress
	fn, _ := c.pass.TypesInfo.Defs[d.Name].(*types.Func)
	fs := c.newFunc(fn, d)
	fs.body = d.Body
	fs.params(d.Type)
	fs.walk(d.Body)
	res := &funcResult{dialer: fs.dialer, streams: fs.streams}
	if fs.resIdx >= 0 {
		if fs.returns == nil {
			res.ret = unknownVal
		} else {
			res.ret = fs.returns
		}
	}
	c.done[d] = res
	if fn != nil {
		if fs.resIdx >= 0 && isOptionType(fs.sig.Results().At(fs.resIdx).Type()) {
			c.pass.ExportObjectFact(fn, &optsFact{Summary: summarize(res.ret)})
		}
		if fs.resIdx >= 0 && lintutil.IsNamed(fs.sig.Results().At(fs.resIdx).Type(), grpcapi.Credentials, "PerRPCCredentials", false) {
			if name, ok := allTLSCreds(res.ret, lintutil.FuncName(fn, nil)); ok {
				c.pass.ExportObjectFact(fn, &tlsCredsFact{Name: name})
			}
		}
		if res.dialer != nil {
			c.pass.ExportObjectFact(fn, res.dialer)
		}
	}
	return res
}

// pkgVar is the value of a package-level variable of this package.
func (c *checker) pkgVar(v *types.Var) val {
	if r, ok := c.varVals[v]; ok {
		return r
	}
	c.varVals[v] = unknownVal // cycles
	r := unknownVal
	if spec := c.pkgVars[v]; spec != nil {
		if len(spec.Values) == 0 {
			r = emptyVal
		} else if len(spec.Values) == len(spec.Names) {
			for i, name := range spec.Names {
				if c.pass.TypesInfo.Defs[name] == v {
					fs := c.newFunc(nil, spec)
					r = fs.eval(spec.Values[i])
				}
			}
		}
	}
	if c.assigned[v] {
		r = unknownVal
	}
	c.varVals[v] = r
	if isOptionType(v.Type()) {
		c.pass.ExportObjectFact(v, &optsFact{Summary: summarize(r)})
	}
	return r
}

// allTLSCreds reports whether every path of v is per-RPC credentials that
// require transport security, and names them: by their own name when all
// paths agree, else by the function's (fname).
func allTLSCreds(v val, fname string) (string, bool) {
	if len(v) == 0 {
		return "", false
	}
	name := v[0].credName
	for _, a := range v {
		if a.b&bTLSCreds == 0 {
			return "", false
		}
		if a.credName != name {
			name = fname
		}
	}
	return name, true
}
