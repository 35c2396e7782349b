package lostmetadata

import (
	"go/ast"
	"sort"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// Keys of the functions the pass understands, in lintutil.FuncKey
// notation.
const (
	newOutgoing    = grpcapi.Metadata + ".NewOutgoingContext"
	appendOutgoing = grpcapi.Metadata + ".AppendToOutgoingContext"
	fromOutgoing   = grpcapi.Metadata + ".FromOutgoingContext"
	valueOutgoing  = grpcapi.Metadata + ".ValueFromOutgoingContext"
	mdPairs        = grpcapi.Metadata + ".Pairs"
	mdNew          = grpcapi.Metadata + ".New"
	mdJoin         = grpcapi.Metadata + ".Join"
	mdSet          = "(" + grpcapi.Metadata + ".MD).Set"
	mdAppend       = "(" + grpcapi.Metadata + ".MD).Append"
	mapsCopy       = "maps.Copy"
)

// ctxKind is what a context value is known to be.
type ctxKind int

const (
	ctxUnknown ctxKind = iota // cannot be judged: parameters of other functions, unknown calls
	ctxFresh                  // context.Background, TODO and their derivatives: no metadata
	ctxCarries                // may carry outgoing metadata
)

// fresh lists the functions that return a context without metadata.
var fresh = map[string]bool{
	"context.Background": true,
	"context.TODO":       true,
}

// derive lists the functions whose first result is derived from their
// first argument and keeps its values (outgoing metadata among them).
var derive = map[string]bool{
	"context.WithCancel":        true,
	"context.WithCancelCause":   true,
	"context.WithDeadline":      true,
	"context.WithDeadlineCause": true,
	"context.WithTimeout":       true,
	"context.WithTimeoutCause":  true,
	"context.WithValue":         true,
	"context.WithoutCancel":     true,
}

// readsOld lists the functions whose result holds the outgoing metadata
// already on their context: an md built from it includes the old.
var readsOld = map[string]bool{
	fromOutgoing:  true,
	valueOutgoing: true,
}

// APIKeys lists every API the pass matches, in lintutil.FuncKey notation.
func APIKeys() []string {
	keys := []string{newOutgoing, appendOutgoing, mdPairs, mdNew, mdJoin, mdSet, mdAppend, mapsCopy}
	for _, m := range []map[string]bool{fresh, derive, readsOld} {
		for k := range m {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

// calleeKey returns the API-table key of the function call statically
// calls, or "".
func (c *checker) calleeKey(call *ast.CallExpr) string {
	fn := lintutil.Callee(c.info, call)
	if fn == nil {
		return ""
	}
	return lintutil.FuncKey(fn)
}
