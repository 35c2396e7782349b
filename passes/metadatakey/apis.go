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

// api describes a function of the metadata or grpc package the pass
// understands. The table is data keyed in types.Func.FullName notation
// (lintutil.FuncKey); APIKeys lists it for the suite's resolution test
// against the real grpc-go module.
type api struct {
	kind  kind
	arg   int  // key argument, or first key of a key/value list (pairs)
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

var apis = map[string]api{
	grpcapi.Metadata + ".Pairs":                   {kind: helperWrite, arg: 0, pairs: true},
	grpcapi.Metadata + ".AppendToOutgoingContext": {kind: helperWrite, arg: 1, pairs: true, dest: destClient},
	mdNew:                                          {kind: helperWrite, arg: 0}, // keys of its map literal
	"(" + grpcapi.Metadata + ".MD).Get":            {kind: helperRead, arg: 0},
	"(" + grpcapi.Metadata + ".MD).Set":            {kind: helperWrite, arg: 0},
	"(" + grpcapi.Metadata + ".MD).Append":         {kind: helperWrite, arg: 0},
	"(" + grpcapi.Metadata + ".MD).Delete":         {kind: helperRead, arg: 0},
	grpcapi.Metadata + ".ValueFromIncomingContext": {kind: helperRead, arg: 1, incoming: true},
	grpcapi.Metadata + ".ValueFromOutgoingContext": {kind: helperRead, arg: 1},

	grpcapi.Metadata + ".NewOutgoingContext":         {sink: true, arg: 1, dest: destClient},
	grpcapi.Metadata + ".NewIncomingContext":         {sink: true, arg: 1, dest: destIncoming},
	grpcapi.GRPC + ".SetHeader":                      {sink: true, arg: 1, dest: destServer},
	grpcapi.GRPC + ".SendHeader":                     {sink: true, arg: 1, dest: destServer},
	grpcapi.GRPC + ".SetTrailer":                     {sink: true, arg: 1, dest: destServer},
	"(" + grpcapi.GRPC + ".ServerStream).SetHeader":  {sink: true, arg: 0, dest: destStreamHeader},
	"(" + grpcapi.GRPC + ".ServerStream).SendHeader": {sink: true, arg: 0, dest: destStreamHeader},
	"(" + grpcapi.GRPC + ".ServerStream).SetTrailer": {sink: true, arg: 0, dest: destStreamTrailer},
}

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
