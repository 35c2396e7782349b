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

// fresh lists the functions that return a context without metadata,
// derive those whose first result is derived from their first argument
// and keeps its values (outgoing metadata among them), and readsOld
// those whose result holds the outgoing metadata already on their
// context: an md built from it includes the old (grpcapi's tables).
var (
	fresh    = keySet(grpcapi.ContextRootKeys())
	derive   = keySet(grpcapi.ContextDeriveKeys())
	readsOld = keySet(grpcapi.MetadataKeys(func(f grpcapi.MetadataFunc) bool {
		return f.Op == grpcapi.MDRead && f.Side == grpcapi.MDOutgoing
	}))
)

func keySet(keys []string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[k] = true
	}
	return m
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
