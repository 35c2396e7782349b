package grpcapi

import (
	"go/ast"
	"sort"
)

// The metadata API of grpc-go (metadata/metadata.go, server.go,
// stream.go) as data: which functions take keys, one or in key/value
// pairs, on which side (incoming or outgoing), and whether they read,
// write or replace metadata. Keys are in lintutil.FuncKey notation and
// every one resolves in the real module (each pass lists the keys it
// uses in its APIKeys, and the suite's TestAPITablesResolve checks
// them).

// MDOp is what a metadata function does.
type MDOp uint8

const (
	MDBuild   MDOp = iota + 1 // returns a new MD: from keys (Pairs, New) or from MDs (Join)
	MDRead                    // reads a key's values, or a context's MD (FromIncomingContext)
	MDWrite                   // MD.Set, MD.Append: writes a key of its receiver
	MDDelete                  // MD.Delete
	MDAppend                  // AppendToOutgoingContext: adds keys to the context's MD, keeping the rest
	MDReplace                 // NewOutgoingContext, NewIncomingContext: the MD argument replaces the context's
	MDSend                    // grpc.SetHeader, ServerStream.SetHeader, ...: hands the MD argument to the transport
)

// MDSide is the metadata a function works on.
type MDSide uint8

const (
	MDPlain         MDSide = iota // an MD value not (yet) on a context: Pairs, New, Join, MD methods
	MDIncoming                    // the incoming metadata of a context
	MDOutgoing                    // the outgoing metadata of a context (a client's request)
	MDServer                      // grpc.SetHeader, SendHeader, SetTrailer: the server's header or trailer, unvalidated
	MDStreamHeader                // ServerStream.SetHeader, SendHeader: validated, dropped with an error
	MDStreamTrailer               // ServerStream.SetTrailer: validated, only logged
)

// MDKeys is how a metadata function takes keys.
type MDKeys uint8

const (
	MDNoKeys MDKeys = iota
	MDKey           // one key, at KeyArg
	MDPairs         // a variadic key, value list from KeyArg on
	MDMap           // the keys of the map[string]string at KeyArg (New)
)

// MetadataFunc describes one function or method of the metadata API.
type MetadataFunc struct {
	Op     MDOp
	Side   MDSide
	Keys   MDKeys
	KeyArg int // the key argument, or the first of a key/value list
	// MDArg is the argument holding the MD that MDReplace installs and
	// MDSend sends; -1 for the other operations.
	MDArg int
	// Lowercases: the function lowercases the keys it takes (or, for a
	// read of a context's MD, returns a copy with lowercased keys;
	// ValueFromIncomingContext matches case-insensitively).
	Lowercases bool
}

// metadataFuncs is the table, keyed in lintutil.FuncKey notation.
var metadataFuncs = map[string]MetadataFunc{
	Metadata + ".Pairs":                   {Op: MDBuild, Keys: MDPairs, KeyArg: 0, MDArg: -1, Lowercases: true},
	Metadata + ".New":                     {Op: MDBuild, Keys: MDMap, KeyArg: 0, MDArg: -1, Lowercases: true},
	Metadata + ".Join":                    {Op: MDBuild, MDArg: -1},
	Metadata + ".AppendToOutgoingContext": {Op: MDAppend, Side: MDOutgoing, Keys: MDPairs, KeyArg: 1, MDArg: -1, Lowercases: true},

	"(" + Metadata + ".MD).Get":    {Op: MDRead, Keys: MDKey, KeyArg: 0, MDArg: -1, Lowercases: true},
	"(" + Metadata + ".MD).Set":    {Op: MDWrite, Keys: MDKey, KeyArg: 0, MDArg: -1, Lowercases: true},
	"(" + Metadata + ".MD).Append": {Op: MDWrite, Keys: MDKey, KeyArg: 0, MDArg: -1, Lowercases: true},
	"(" + Metadata + ".MD).Delete": {Op: MDDelete, Keys: MDKey, KeyArg: 0, MDArg: -1, Lowercases: true},

	Metadata + ".FromIncomingContext":      {Op: MDRead, Side: MDIncoming, MDArg: -1, Lowercases: true},
	Metadata + ".FromOutgoingContext":      {Op: MDRead, Side: MDOutgoing, MDArg: -1, Lowercases: true},
	Metadata + ".ValueFromIncomingContext": {Op: MDRead, Side: MDIncoming, Keys: MDKey, KeyArg: 1, MDArg: -1, Lowercases: true},
	Metadata + ".ValueFromOutgoingContext": {Op: MDRead, Side: MDOutgoing, Keys: MDKey, KeyArg: 1, MDArg: -1, Lowercases: true},

	Metadata + ".NewOutgoingContext": {Op: MDReplace, Side: MDOutgoing, MDArg: 1},
	Metadata + ".NewIncomingContext": {Op: MDReplace, Side: MDIncoming, MDArg: 1},

	GRPC + ".SetHeader":                      {Op: MDSend, Side: MDServer, MDArg: 1},
	GRPC + ".SendHeader":                     {Op: MDSend, Side: MDServer, MDArg: 1},
	GRPC + ".SetTrailer":                     {Op: MDSend, Side: MDServer, MDArg: 1},
	"(" + GRPC + ".ServerStream).SetHeader":  {Op: MDSend, Side: MDStreamHeader, MDArg: 0},
	"(" + GRPC + ".ServerStream).SendHeader": {Op: MDSend, Side: MDStreamHeader, MDArg: 0},
	"(" + GRPC + ".ServerStream).SetTrailer": {Op: MDSend, Side: MDStreamTrailer, MDArg: 0},
}

// MetadataAPI returns the entry of the function keyed key
// (lintutil.FuncKey notation); ok is false for other functions.
func MetadataAPI(key string) (MetadataFunc, bool) {
	f, ok := metadataFuncs[key]
	return f, ok
}

// MetadataKeys returns the keys of the metadata functions for which
// keep is true, sorted: a pass derives its own table from them and
// lists them in its APIKeys.
func MetadataKeys(keep func(MetadataFunc) bool) []string {
	var keys []string
	for k, f := range metadataFuncs {
		if keep == nil || keep(f) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

// KeyArgs returns the key expressions of call, a call of f: the key argument, every other argument of a key/value list from
// KeyArg on, or the keys of a map literal given to New. It returns nil
// when the call has no such argument (or passes a list with ...).
func (f MetadataFunc) KeyArgs(call *ast.CallExpr) []ast.Expr {
	args := call.Args
	if f.KeyArg >= len(args) {
		return nil
	}
	switch f.Keys {
	case MDKey:
		return args[f.KeyArg : f.KeyArg+1]
	case MDPairs:
		if call.Ellipsis.IsValid() {
			return nil
		}
		var keys []ast.Expr
		for i := f.KeyArg; i < len(args); i += 2 {
			keys = append(keys, args[i])
		}
		return keys
	case MDMap:
		lit, ok := ast.Unparen(args[f.KeyArg]).(*ast.CompositeLit)
		if !ok {
			return nil
		}
		var keys []ast.Expr
		for _, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				keys = append(keys, kv.Key)
			}
		}
		return keys
	}
	return nil
}

// Contexts: the functions of package context that start a context
// with no values (no metadata), and those whose first result is derived
// from their first argument and keeps its values (outgoing metadata
// among them).
var (
	contextRoots = map[string]bool{
		"context.Background": true,
		"context.TODO":       true,
	}
	contextDerive = map[string]bool{
		"context.WithCancel":        true,
		"context.WithCancelCause":   true,
		"context.WithDeadline":      true,
		"context.WithDeadlineCause": true,
		"context.WithTimeout":       true,
		"context.WithTimeoutCause":  true,
		"context.WithValue":         true,
		"context.WithoutCancel":     true,
	}
)

// IsContextRoot reports whether the function keyed key returns a
// context without values: context.Background, context.TODO.
func IsContextRoot(key string) bool { return contextRoots[key] }

// IsContextDerive reports whether the function keyed key returns a
// context derived from its first argument, keeping its values:
// context.WithCancel, WithTimeout, WithValue, ...
func IsContextDerive(key string) bool { return contextDerive[key] }

// ContextRootKeys and ContextDeriveKeys return the keys of the two
// lists, sorted, for a pass's own table and its APIKeys.
func ContextRootKeys() []string   { return sortedSet(contextRoots) }
func ContextDeriveKeys() []string { return sortedSet(contextDerive) }

func sortedSet(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
