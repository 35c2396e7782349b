package dialcreds

import (
	"go/ast"
	"go/types"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// noteDialer records that the function wraps a dial entry point: its
// options parameter reaches the options of the call on every path.
// A wrapper of a grpc-gateway endpoint registration (gateway), or the
// generated registration itself, dials the program's own server.
func (fs *funcState) noteDialer(call *ast.CallExpr, entry string, opts val, target ast.Expr, gateway bool) {
	if fs.fn == nil || fs.dialer != nil {
		return
	}
	p := 0
	for _, a := range opts {
		if a.param == 0 || a.b&bUnknown != 0 || (p != 0 && a.param != p) {
			return
		}
		p = a.param
	}
	base := mapAlts(opts, func(a alt) alt { a.param = 0; return a })
	s := summarize(base)
	s.Param = -1
	d := &dialerFact{Opts: p - 1, Target: -1, Entry: entry, Base: s, Gateway: gateway || grpcapi.IsGatewayEndpointRegistration(fs.fn)}
	if id := identOf(target); id != nil {
		if v, ok := fs.c.pass.TypesInfo.Uses[id].(*types.Var); ok {
			for i := 0; i < fs.sig.Params().Len(); i++ {
				if fs.sig.Params().At(i) == v {
					d.Target = i
				}
			}
		}
	}
	fs.dialer = d
}

// wrapperDial records the call of a wrapper of a dial entry point.
func (fs *funcState) wrapperDial(call *ast.CallExpr, d *dialerFact, sig *types.Signature, args []val) {
	fn := lintutil.Callee(fs.c.pass.TypesInfo, call)
	name := lintutil.FuncName(fn, nil)
	opts := concat(d.Base.val("the options of "+name, call.Pos()), argVal(sig, call, args, d.Opts))
	var target ast.Expr
	if d.Target >= 0 && d.Target < len(call.Args) {
		target = call.Args[d.Target]
	}
	fs.dial(call, name, opts, target, nil, -1, d.Gateway)
	fs.noteDialer(call, name, opts, target, d.Gateway)
}
