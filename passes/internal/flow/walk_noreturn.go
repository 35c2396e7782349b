package flow

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// noReturn lists, by package path, the functions and methods that never
// return. Loggers are matched by name instead (noReturnName): log,
// grpclog, testing and their look-alikes (klog, logrus, zap) all spell
// it Fatal or Panic.
var noReturn = map[string][]string{
	"os":      {"Exit"},
	"syscall": {"Exit"},
	"runtime": {"Goexit"},
	"testing": {"FailNow", "SkipNow", "Skip", "Skipf"},
}

// noReturnName reports whether a function or method of any package
// named name never returns: Fatal, Fatalf, Fatalln, Panic, Panicf,
// Panicln and their variants (FatalDepth, Panicw), but not
// flag.PanicOnError.
func noReturnName(name string) bool {
	return strings.HasPrefix(name, "Fatal") || strings.HasPrefix(name, "Panic") && name != "PanicOnError"
}

// NoReturn reports whether call never returns: the builtin panic, or a
// function or method of the noReturn list (os.Exit, runtime.Goexit,
// log.Fatal, (*testing.T).Fatal, SkipNow, ...). A path that ends in one
// does not reach the code after it.
func NoReturn(info *types.Info, call *ast.CallExpr) bool {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			return b.Name() == "panic"
		}
	}
	fn := lintutil.Callee(info, call)
	if fn == nil {
		return false
	}
	return slices.Contains(noReturn[lintutil.PkgPath(fn.Pkg())], fn.Name()) || noReturnName(fn.Name())
}
