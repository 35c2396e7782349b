package tokenrefresh

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
)

// Facts cross packages gob-encoded under go vet -vettool: exported
// fields only (fact_internal_test.go round-trips each type).

// fetcherFact marks a function that returns a token (or its access-token
// string, or another library's value built to hold it) it fetched: its
// call sites are fetches, in this package and in the packages importing
// it.
type fetcherFact struct {
	Result int  // index of the result holding the token
	Access bool // the result is the access-token string, not the token
	Holder bool // the result is a value holding the access-token string
}

func (*fetcherFact) AFact() {}

func (f *fetcherFact) String() string {
	what := "a fetched token"
	switch {
	case f.Access:
		what = "a fetched access token"
	case f.Holder:
		what = "a value holding a fetched access token"
	}
	return fmt.Sprintf("returns %s (result %d)", what, f.Result)
}

// tokenParamFact says what a function does with its token parameters:
// a token passed to it from another package is followed through it.
type tokenParamFact struct {
	Params []ParamSummary
}

func (*tokenParamFact) AFact() {}

func (f *tokenParamFact) String() string {
	var parts []string
	for _, p := range f.Params {
		var what []string
		if p.Kept != "" {
			what = append(what, "kept in "+p.Kept)
		}
		if p.Recv {
			what = append(what, "stored in the receiver")
		}
		if p.Result >= 0 {
			what = append(what, fmt.Sprintf("returned as result %d", p.Result))
		}
		if p.HolderResult >= 0 {
			what = append(what, fmt.Sprintf("held by result %d", p.HolderResult))
		}
		if p.FrozenResult >= 0 {
			what = append(what, fmt.Sprintf("frozen by %s in result %d", p.FrozenBy, p.FrozenResult))
		}
		parts = append(parts, fmt.Sprintf("token param %d: %s", p.Index, strings.Join(what, ", ")))
	}
	return strings.Join(parts, "; ")
}

// tokenParams lists the *oauth2.Token and *auth.Token parameters of the
// package's exported functions and methods.
func (c *checker) tokenParams(root inspector.Cursor) []paramKey {
	var keys []paramKey
	for cur := range root.Preorder((*ast.FuncDecl)(nil)) {
		d := cur.Node().(*ast.FuncDecl)
		fn, ok := c.info.Defs[d.Name].(*types.Func)
		if !ok || !fn.Exported() || d.Body == nil {
			continue
		}
		params := fn.Type().(*types.Signature).Params()
		for i := 0; i < params.Len(); i++ {
			if isTokenType(params.At(i).Type()) {
				keys = append(keys, paramKey{fn, i})
			}
		}
	}
	return keys
}

// exportParam adds the summary of a token parameter of fn to fn's fact.
func (c *checker) exportParam(fn *types.Func, sum *ParamSummary) {
	fact := new(tokenParamFact)
	c.pass.ImportObjectFact(fn, fact)
	fact.Params = append(fact.Params, *sum)
	c.pass.ExportObjectFact(fn, fact)
}

// importedSummary returns the summary of token parameter i of fn, a
// function of another package, from its fact.
func (c *checker) importedSummary(fn *types.Func, i int) *ParamSummary {
	var fact tokenParamFact
	if !c.pass.ImportObjectFact(fn, &fact) {
		return nil
	}
	for _, p := range fact.Params {
		if p.Index == i {
			return &p
		}
	}
	return nil
}
