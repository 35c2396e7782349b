package dialcreds

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// Streaming calls on connections: the walk records those that carry no
// credentials of their own (streamSite) for the rule streams-without-token,
// and passes those on connection parameters to the function's summary.

// streamUse is a streaming call on a connection.
type streamUse struct {
	method string
	at     token.Pos
}

// streamCall notes a call opening a stream (fn, of signature sig) on a
// connection or client of value recv, unless its own context carries
// metadata or its call options may carry credentials.
func (fs *funcState) streamCall(call *ast.CallExpr, fn *types.Func, sig *types.Signature, recv val, args []val) {
	if fs.skip || len(args) == 0 {
		return
	}
	for _, a := range args[0] {
		if a.b&bCtxPlain == 0 || a.b&bMeta != 0 {
			return
		}
	}
	if sig.Variadic() {
		for _, a := range argVal(sig, call, args, sig.Params().Len()-1) {
			if a.b&(bAuth|bUnknown) != 0 {
				return
			}
		}
	}
	u := streamUse{method: fn.Name(), at: call.Pos()}
	if u.method == "NewStream" && len(call.Args) >= 3 {
		if s, ok := lintutil.ConstString(fs.c.pass.TypesInfo, call.Args[2]); ok && s != "" {
			u.method = s[strings.LastIndex(s, "/")+1:]
		}
	}
	fs.useForStreams(recv, []streamUse{u})
}

// useForStreams applies streaming calls to the paths of a connection
// value: a connection parameter passes them to the function's summary;
// the paths of a connection built here are recorded as a site.
func (fs *funcState) useForStreams(v val, uses []streamUse) {
	var built val
	for _, a := range v {
		if a.cparam == 0 {
			built = append(built, a)
			continue
		}
		if fs.fn == nil {
			continue
		}
		if fs.streams == nil {
			fs.streams = make(map[int][]streamUse)
		}
		fs.streams[a.cparam-1] = append(fs.streams[a.cparam-1], uses...)
	}
	if len(built) > 0 {
		fs.c.sites.streams = append(fs.c.sites.streams, &streamSite{conn: built, uses: uses})
	}
}

// connParam reports whether a parameter of type t holds a connection or
// a client built on one: *grpc.ClientConn, grpc.ClientConnInterface, or
// an interface with a streaming method (a generated client).
func connParam(t types.Type) bool {
	if lintutil.IsNamed(t, grpcapi.GRPC, "ClientConn", true) || lintutil.IsNamed(t, grpcapi.GRPC, "ClientConnInterface", false) {
		return true
	}
	iface, ok := types.Unalias(t).Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for i := 0; i < iface.NumMethods(); i++ {
		if sig, ok := iface.Method(i).Type().(*types.Signature); ok && grpcapi.IsStreamingCall(sig) {
			return true
		}
	}
	return false
}
