package grpcapi

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// ServiceDescLit is what a generated grpc.ServiceDesc literal
// (var X_ServiceDesc = grpc.ServiceDesc{...}) says about its service.
type ServiceDescLit struct {
	ServiceName string   // the proto full name, "pkg.X"
	Streams     []string // the StreamName of each entry of Streams
}

// ReadServiceDesc reads a grpc.ServiceDesc composite literal: its
// constant ServiceName and the constant StreamName of each of its
// Streams (an entry without one is skipped). ok is false when the
// literal has a positional element, a ServiceName that is not a
// constant string, or a Streams value that is not a literal.
func ReadServiceDesc(info *types.Info, lit *ast.CompositeLit) (d ServiceDescLit, ok bool) {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return ServiceDescLit{}, false
		}
		switch key, _ := kv.Key.(*ast.Ident); {
		case key == nil:
		case key.Name == "ServiceName":
			name, ok := lintutil.ConstString(info, kv.Value)
			if !ok {
				return ServiceDescLit{}, false
			}
			d.ServiceName = name
		case key.Name == "Streams":
			streams, ok := ast.Unparen(kv.Value).(*ast.CompositeLit)
			if !ok {
				return ServiceDescLit{}, false
			}
			for _, s := range streams.Elts {
				if m, ok := streamName(info, s); ok {
					d.Streams = append(d.Streams, m)
				}
			}
		}
	}
	return d, true
}

// streamName reads StreamName of a grpc.StreamDesc literal.
func streamName(info *types.Info, e ast.Expr) (string, bool) {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return "", false
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if key, _ := kv.Key.(*ast.Ident); key != nil && key.Name == "StreamName" {
				return lintutil.ConstString(info, kv.Value)
			}
		}
	}
	return "", false
}

// IsUnimplemented reports whether fn is a method of a generated
// UnimplementedXServer type, whose handlers answer codes.Unimplemented
// to every caller: an implementation that embeds it and does not
// override a method serves nothing there.
func IsUnimplemented(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	t := types.Unalias(recv.Type())
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok {
		return false
	}
	name := n.Obj().Name()
	return strings.HasPrefix(name, "Unimplemented") && strings.HasSuffix(name, "Server")
}
