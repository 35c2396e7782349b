// Package connectmethods holds Connect procedure names written as
// strings that match no procedure.
package connectmethods

import (
	"context"
	"errors"

	"connectrpc.com/connect"

	"example.com/gen/ping/v1/pingv1connect"
)

var public = map[string]bool{
	pingv1connect.PingServicePingProcedure: true,
	"ping.v1.PingService/CountUp":          true, // want `method "ping.v1.PingService/CountUp" never matches \(no leading "/"\); use pingv1connect.PingServiceCountUpProcedure`
	"/ping.v1.PingService/Count":           true, // want `method "/ping.v1.PingService/Count" matches no RPC of ping.v1.PingService \(it has CountUp and Ping\)`
	"/other.v1.Unknown/Method":             true, // a service the package cannot see: not judged
}

func authInterceptor() connect.UnaryInterceptorFunc { // want authInterceptor:"connect unary"
	return func(next connect.UnaryFunc) connect.UnaryFunc {
		return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
			if public[req.Spec().Procedure] {
				return next(ctx, req)
			}
			if req.Spec().Procedure == "/ping.v1.pingservice/Ping" { // want `method "/ping.v1.pingservice/Ping" never matches \(case differs\); use pingv1connect.PingServicePingProcedure`
				return next(ctx, req)
			}
			switch spec := req.Spec(); spec.Procedure {
			case pingv1connect.EchoServiceEchoProcedure, "/ping.v1.EchoService/Echo":
				return next(ctx, req)
			}
			if req.Header().Get("Authorization") == "" {
				return nil, connect.NewError(connect.CodeUnauthenticated, errors.New("no token"))
			}
			return next(ctx, req)
		}
	}
}
