package tokenrefresh

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// fetch is one call that fetches a token.
type fetch struct {
	call   *ast.CallExpr
	cur    inspector.Cursor
	kind   fetchKind
	result int
	val    valKind // kToken, kString, or kHolder for a call of holderOf
	// holderOf is the function returning a value that holds the token,
	// called here: the message names it.
	holderOf *types.Func
	flow     *flow
}

// callSite is a call of a statically known function.
type callSite struct {
	cur inspector.Cursor
	fn  *types.Func
}

func (c *checker) scanCalls(root inspector.Cursor) {
	for cur := range root.Preorder((*ast.CallExpr)(nil)) {
		if fn := lintutil.Callee(c.info, cur.Node().(*ast.CallExpr)); fn != nil {
			if fn.Pkg() == c.pass.Pkg {
				c.callers[fn] = append(c.callers[fn], len(c.calls))
			}
			c.calls = append(c.calls, callSite{cur, fn})
		}
	}
}

// fetchAt reports whether the call at cur fetches a token.
func (c *checker) fetchAt(cs callSite) (fetch, bool) {
	fn, cur := cs.fn, cs.cur
	sig := fn.Type().(*types.Signature)
	if sig.Results().Len() == 0 {
		return fetch{}, false // the common case, cheaply
	}
	ft := fetch{call: cur.Node().(*ast.CallExpr), cur: cur}
	if a, ok := lookup(fn, roleFetch); ok {
		ft.kind = a.kind
		return ft, true
	}
	if kind, ok := tokenMethod(fn); ok {
		ft.kind = kind
		return ft, true
	}
	if len(c.user) > 0 && c.user[lintutil.FuncKey(fn)] {
		ft.kind = fetchUser
		if grpcapi.IsString(sig.Results().At(0).Type()) {
			ft.val = kString
		}
		return ft, true
	}
	fact := c.wrappers[fn]
	if fact == nil && fn.Pkg() != c.pass.Pkg {
		var f fetcherFact
		if c.pass.ImportObjectFact(fn, &f) {
			fact = &f
		}
	}
	if fact != nil {
		ft.kind, ft.result = fetchUser, fact.Result
		switch {
		case fact.Access:
			ft.val = kString
		case fact.Holder:
			ft.val, ft.holderOf = kHolder, fn
		}
		return ft, true
	}
	return fetch{}, false
}

// tokenMethod reports whether fn is the Token method of a type of the
// oauth2.TokenSource or auth.TokenProvider shape, and which.
func tokenMethod(fn *types.Func) (fetchKind, bool) {
	sig := fn.Type().(*types.Signature)
	if fn.Name() != "Token" || sig.Recv() == nil {
		return 0, false
	}
	switch {
	case grpcapi.IsTokenSourceMethod(sig):
		return fetchSource, true
	case grpcapi.IsTokenProviderMethod(sig):
		return fetchCloud, true
	}
	return 0, false
}

// directFetcher reports whether calls of fn are fetches without a fact.
func (c *checker) directFetcher(fn *types.Func) bool {
	if _, ok := lookup(fn, roleFetch); ok {
		return true
	}
	if _, ok := tokenMethod(fn); ok {
		return true
	}
	return c.user[lintutil.FuncKey(fn)]
}

// isTokenType reports whether t is an *oauth2.Token or *auth.Token (or
// the struct itself).
func isTokenType(t types.Type) bool {
	return lintutil.IsNamed(t, grpcapi.OAuth2, "Token", true) || lintutil.IsNamed(t, grpcapi.GoogleAuth, "Token", true)
}
