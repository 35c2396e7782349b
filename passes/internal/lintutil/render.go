package lintutil

import (
	"fmt"
	"go/types"
	"strings"
)

// The message vocabulary: one way for every pass to name a function, a
// type and a list of names in a diagnostic. Names are qualified by the
// package name, as Go source reads, and left unqualified in the package
// being analysed (from), as go/types' RelativeTo does:
//
//	FuncName:  grpc.NewClient, oauth2.TokenSource.Token,
//	           (*oauth2.Config).Exchange, fetchToken (in its package)
//	TypeName:  *oauth.TokenSource, []grpc.DialOption
//	List:      A; A and B; A, B and C; A, B, C and 2 more
//	Count:     1 method; 3 methods

// qualifier names packages by their name, and from not at all.
func qualifier(from *types.Package) types.Qualifier {
	return func(p *types.Package) string {
		if p == from {
			return ""
		}
		return p.Name()
	}
}

// FuncName names fn in a message: pkg.Func for a function,
// pkg.T.Method for a method of a value or interface receiver and
// (*pkg.T).Method for one of a pointer receiver (the method expression
// that calls it), without the package qualifier inside from. Methods of
// generic types are named by their origin without type parameters.
func FuncName(fn *types.Func, from *types.Package) string {
	fn = fn.Origin()
	q := qualifier(from)
	qual := func(p *types.Package) string {
		if s := q(p); s != "" {
			return s + "."
		}
		return ""
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		if fn.Pkg() == nil {
			return fn.Name()
		}
		return qual(fn.Pkg()) + fn.Name()
	}
	recv := types.Unalias(sig.Recv().Type())
	ptr := false
	if p, ok := recv.(*types.Pointer); ok {
		ptr = true
		recv = types.Unalias(p.Elem())
	}
	named, ok := recv.(*types.Named)
	if !ok {
		return fn.Name() // a method of an interface literal
	}
	obj := named.Origin().Obj()
	t := obj.Name()
	if obj.Pkg() != nil {
		t = qual(obj.Pkg()) + t
	}
	if ptr {
		return "(*" + t + ")." + fn.Name()
	}
	return t + "." + fn.Name()
}

// TypeName names t in a message, packages by name, without the package
// qualifier inside from: *oauth.TokenSource, []grpc.DialOption.
func TypeName(t types.Type, from *types.Package) string {
	return types.TypeString(t, qualifier(from))
}

// ListMax is how many names List shows before it elides the rest.
const ListMax = 3

// List joins names for a message: "A", "A and B", "A, B and C", and
// past ListMax names "A, B, C and 2 more".
func List(names []string) string {
	switch n := len(names); {
	case n == 0:
		return ""
	case n == 1:
		return names[0]
	case n > ListMax:
		return strings.Join(names[:ListMax], ", ") + fmt.Sprintf(" and %d more", n-ListMax)
	default:
		return strings.Join(names[:n-1], ", ") + " and " + names[n-1]
	}
}

// Count says how many of noun there are: "1 method", "3 methods"
// (noun is a regular English noun, pluralised with "s").
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
