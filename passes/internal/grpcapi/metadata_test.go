package grpcapi_test

import (
	"go/ast"
	"go/parser"
	"go/types"
	"strings"
	"testing"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
)

func TestMetadataKeyArgs(t *testing.T) {
	for _, tc := range []struct {
		key, call, want string
	}{
		{grpcapi.Metadata + ".Pairs", `f("a", "1", "b", "2")`, `"a" "b"`},
		{grpcapi.Metadata + ".Pairs", `f(kv...)`, ``},
		{grpcapi.Metadata + ".AppendToOutgoingContext", `f(ctx, "a", "1")`, `"a"`},
		{grpcapi.Metadata + ".New", `f(map[string]string{"a": "1", "b": "2"})`, `"a" "b"`},
		{grpcapi.Metadata + ".New", `f(m)`, ``},
		{"(" + grpcapi.Metadata + ".MD).Get", `f("a")`, `"a"`},
		{grpcapi.Metadata + ".ValueFromIncomingContext", `f(ctx, "a")`, `"a"`},
		{grpcapi.Metadata + ".ValueFromIncomingContext", `f(ctx)`, ``},
		{grpcapi.Metadata + ".NewOutgoingContext", `f(ctx, md)`, ``},
	} {
		f, ok := grpcapi.MetadataAPI(tc.key)
		if !ok {
			t.Fatalf("%s: not in the table", tc.key)
		}
		e, err := parser.ParseExpr(tc.call)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, k := range f.KeyArgs(e.(*ast.CallExpr)) {
			got = append(got, types.ExprString(k))
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%s: KeyArgs(%s) = %q, want %q", tc.key, tc.call, got, tc.want)
		}
	}
	if _, ok := grpcapi.MetadataAPI("context.Background"); ok {
		t.Error("context.Background is no metadata function")
	}
	if !grpcapi.IsContextRoot("context.TODO") || grpcapi.IsContextRoot("context.WithValue") || !grpcapi.IsContextDerive("context.WithValue") {
		t.Error("context lists")
	}
}
