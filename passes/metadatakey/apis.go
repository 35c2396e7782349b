package metadatakey

import (
	"go/ast"
	"go/types"
	"sort"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// dest is where the metadata written at a site goes.
type dest int

const (
	destUnknown       dest = iota
	destClient             // outgoing context of a client RPC
	destServer             // grpc.SetHeader, SendHeader, SetTrailer
	destStreamHeader       // ServerStream.SetHeader, SendHeader
	destStreamTrailer      // ServerStream.SetTrailer
	destIncoming           // NewIncomingContext: tests and interceptors; FromIncomingContext lowercases
)

// kind is what happens to a key at a site.
type kind int

const (
	rawWrite    kind = iota // MD literal key, md[k] = v
	rawRead                 // md[k], delete(md, k), k == "X" over range keys
	helperWrite             // Pairs, New, AppendToOutgoingContext, MD.Set/Append
	helperRead              // MD.Get/Delete, ValueFrom{Incoming,Outgoing}Context
	credsMap                // map returned by GetRequestMetadata
)

// api is what the pass takes from grpcapi's metadata table for a
// function that takes keys or sends an MD.
type api struct {
	kind  kind
	arg   int  // key argument, or first key of a key/value list (pairs); the MD argument of a sink
	pairs bool // variadic key/value list from arg on
	dest  dest // for writes whose destination the call itself decides
	// sink: the call sends the MD given at arg to dest.
	sink bool
	// incoming: a read through the incoming context.
	incoming bool
}

const (
	mdNew = grpcapi.Metadata + ".New"
	// fromIncoming is the function whose MD result holds incoming keys.
	fromIncoming = grpcapi.Metadata + ".FromIncomingContext"
)

// sideDest is where metadata on each side of grpcapi's table goes.
var sideDest = map[grpcapi.MDSide]dest{
	grpcapi.MDOutgoing:      destClient,
	grpcapi.MDIncoming:      destIncoming,
	grpcapi.MDServer:        destServer,
	grpcapi.MDStreamHeader:  destStreamHeader,
	grpcapi.MDStreamTrailer: destStreamTrailer,
}

// apis holds the functions of grpcapi's metadata table that take keys
// or send an MD, keyed in lintutil.FuncKey notation.
var apis = func() map[string]api {
	m := make(map[string]api)
	for _, k := range grpcapi.MetadataKeys(func(f grpcapi.MetadataFunc) bool {
		return f.Keys != grpcapi.MDNoKeys || f.Op == grpcapi.MDReplace || f.Op == grpcapi.MDSend
	}) {
		f, _ := grpcapi.MetadataAPI(k)
		a := api{arg: f.KeyArg, pairs: f.Keys == grpcapi.MDPairs, dest: sideDest[f.Side], incoming: f.Side == grpcapi.MDIncoming}
		switch f.Op {
		case grpcapi.MDReplace, grpcapi.MDSend:
			a.sink, a.arg = true, f.MDArg
		case grpcapi.MDRead, grpcapi.MDDelete:
			a.kind = helperRead
		default:
			a.kind = helperWrite
		}
		m[k] = a
	}
	return m
}()

// APIKeys lists every API the pass matches, in lintutil.FuncKey notation.
func APIKeys() []string {
	keys := []string{fromIncoming}
	for k := range apis {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (c *checker) isMD(e ast.Expr) bool {
	t := c.pass.TypesInfo.TypeOf(e)
	return t != nil && lintutil.IsNamed(t, grpcapi.Metadata, "MD", false)
}

// isStringMap reports whether t is a map[string]string, the map
// GetRequestMetadata returns.
func isStringMap(t types.Type) bool {
	m, ok := t.Underlying().(*types.Map)
	return ok && grpcapi.IsString(m.Key()) && grpcapi.IsString(m.Elem())
}
