package metadatakey

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
)

// The maps returned by PerRPCCredentials' GetRequestMetadata. They are
// plain map[string]string values, so a credentials package needs neither
// grpc/metadata nor any of gRPC to write one: the methods are found by
// name and shape among the package's declarations, whatever it imports.
// The transport lowercases their keys (case is fine there), validates
// them from grpc-go 1.85 on, and sends them after its own headers.

// credsMethods returns the GetRequestMetadata methods declared in pass's
// package on types that implement PerRPCCredentials by their method set.
// Methods are declared at top level only, so the scan reads no syntax
// below the files' declaration lists: a package without such a method
// costs a name comparison per declaration.
func credsMethods(pass *analysis.Pass) []*ast.FuncDecl {
	var methods []*ast.FuncDecl
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || fd.Body == nil || fd.Name.Name != "GetRequestMetadata" {
				continue
			}
			if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok && grpcapi.IsPerRPCCredentialsMethod(fn) {
				methods = append(methods, fd)
			}
		}
	}
	return methods
}

// credsMethod records the constant keys of the maps fd returns: map
// literals returned directly or assigned to a variable it returns (named
// results included), and m[k] = v writes to such a variable. Other maps
// built in the method (a token request's form, a cache) are not sent.
func (c *checker) credsMethod(fd *ast.FuncDecl) {
	info := c.pass.TypesInfo
	returned := make(map[*types.Var]bool)
	if res := fd.Type.Results; res != nil && len(res.List) > 0 && len(res.List[0].Names) > 0 {
		if v, ok := info.Defs[res.List[0].Names[0]].(*types.Var); ok {
			returned[v] = true
		}
	}
	var lits []*ast.CompositeLit
	// Returns of the method itself, not of the closures in it.
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == 0 {
				return true
			}
			switch r := ast.Unparen(n.Results[0]).(type) {
			case *ast.CompositeLit:
				lits = append(lits, r)
			case *ast.Ident:
				if v := c.varOf(r); v != nil {
					returned[v] = true
				}
			}
		}
		return true
	})
	if len(returned) > 0 {
		// Writes to a returned map, closures included.
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					if ix, ok := ast.Unparen(l).(*ast.IndexExpr); ok && returned[c.varOf(ix.X)] {
						s := &site{key: ix.Index, kind: credsMap, dest: destClient}
						if len(n.Lhs) == len(n.Rhs) {
							s.values = []ast.Expr{n.Rhs[i]}
						}
						c.sites = append(c.sites, s)
					}
					if len(n.Lhs) == len(n.Rhs) && returned[c.varOf(l)] {
						if lit, ok := ast.Unparen(n.Rhs[i]).(*ast.CompositeLit); ok {
							lits = append(lits, lit)
						}
					}
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if i < len(n.Values) && len(n.Names) == len(n.Values) && returned[c.varOf(id)] {
						if lit, ok := ast.Unparen(n.Values[i]).(*ast.CompositeLit); ok {
							lits = append(lits, lit)
						}
					}
				}
			}
			return true
		})
	}
	for _, lit := range lits {
		if t := info.TypeOf(lit); t == nil || !isStringMap(t) {
			continue
		}
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				c.sites = append(c.sites, &site{key: kv.Key, kind: credsMap, dest: destClient, values: []ast.Expr{kv.Value}})
			}
		}
	}
}
