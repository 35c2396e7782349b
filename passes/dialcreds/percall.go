package dialcreds

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// Where the package attaches credentials per call: the evidence
// no-credentials asks for before it reports a connection without
// credentials in the default configuration.

// perCallAt is where the package first attaches credentials per call
// that a connection could carry instead (a grpc.PerRPCCredentials call
// option outside the default call options, "authorization" outgoing
// metadata), or token.NoPos. For a connection built in a non-test file
// (inTest false) only evidence in non-test files counts: auth seen in
// tests says nothing about the program's connections. Credentials that
// differ per caller are no evidence either (perCaller), nor are those a
// client interceptor adds (they go with every call of its connections).
func (c *checker) perCallAt(inTest bool) token.Pos {
	if c.perCall == nil {
		c.perCall = c.findPerCall()
	}
	if inTest {
		return c.perCall[1]
	}
	return c.perCall[0]
}

// findPerCall finds the first per-call credentials of the package in
// non-test files ([0]) and in any file ([1]).
func (c *checker) findPerCall() *[2]token.Pos {
	var at [2]token.Pos
	info := c.pass.TypesInfo
	note := func(cur inspector.Cursor, n ast.Node, value ast.Expr) {
		if c.perCaller(cur, value) {
			return
		}
		// In a client interceptor the credentials go with every call of
		// the connections it is installed on: not per call.
		if _, sig := lintutil.EnclosingFunc(info, cur); sig != nil && grpcapi.ClientInterceptor(sig) != 0 {
			return
		}
		if !at[1].IsValid() {
			at[1] = n.Pos()
		}
		if !at[0].IsValid() && !lintutil.IsTestFile(c.pass.Fset.Position(n.Pos()).Filename) {
			at[0] = n.Pos()
		}
	}
	for cur := range c.insp.Root().Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			fn := lintutil.Callee(info, n)
			if fn == nil {
				continue
			}
			switch lintutil.FuncKey(fn) {
			case grpcapi.GRPC + ".PerRPCCredentials":
				if p, ok := cur.Parent().Node().(*ast.CallExpr); ok {
					if pf := lintutil.Callee(info, p); pf != nil && lintutil.FuncKey(pf) == grpcapi.GRPC+".WithDefaultCallOptions" {
						continue
					}
				}
				if len(n.Args) == 1 {
					note(cur, n, n.Args[0])
				}
			case grpcapi.Metadata + ".AppendToOutgoingContext":
				for i := 1; i < len(n.Args); i += 2 {
					if c.isAuthKey(n.Args[i]) {
						note(cur, n, argAt(n, i+1))
					}
				}
			case grpcapi.Metadata + ".Pairs":
				for i := 0; i < len(n.Args); i += 2 {
					if c.isAuthKey(n.Args[i]) {
						note(cur, n, argAt(n, i+1))
					}
				}
			}
		case *ast.CompositeLit:
			// metadata.MD{"authorization": ...}, and the map given to
			// metadata.New.
			t := info.TypeOf(n)
			if t == nil {
				continue
			}
			mdNew := false
			if p, ok := cur.Parent().Node().(*ast.CallExpr); ok {
				fn := lintutil.Callee(info, p)
				mdNew = fn != nil && lintutil.FuncKey(fn) == grpcapi.Metadata+".New"
			}
			if !mdNew && !lintutil.IsNamed(t, grpcapi.Metadata, "MD", false) {
				continue
			}
			for _, e := range n.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok && c.isAuthKey(kv.Key) {
					note(cur, n, kv.Value)
				}
			}
		}
		if at[0].IsValid() {
			break
		}
	}
	return &at
}

// isAuthKey reports whether e is a constant naming an auth key
// ("authorization" and -auth-key), in any case: outgoing keys are
// lowercased on the way out.
func (c *checker) isAuthKey(e ast.Expr) bool {
	s, ok := lintutil.ConstString(c.pass.TypesInfo, e)
	return ok && c.cfg.authKeys[strings.ToLower(s)]
}

// argAt is argument i of call, or nil.
func argAt(call *ast.CallExpr, i int) ast.Expr {
	if i < len(call.Args) {
		return call.Args[i]
	}
	return nil
}
