// Package failopen serves EchoService behind an auth interceptor that
// lets methods missing from its table through.
package failopen

import (
	"context"

	echov1 "example.com/e2egateway/gen/echo/v1"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// required lists the permission each method needs; Delete was
// forgotten.
var required = map[string]string{
	echov1.EchoService_Echo_FullMethodName: "echo",
}

func authz(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
	perm, ok := required[info.FullMethod]
	if !ok {
		return h(ctx, req) // every method missing from the table is open
	}
	md, _ := metadata.FromIncomingContext(ctx)
	if len(md["authorization"]) == 0 || perm == "" {
		return nil, status.Error(codes.Unauthenticated, "missing token")
	}
	return h(ctx, req)
}

// Server serves impl behind authz.
func Server(impl echov1.EchoServiceServer) *grpc.Server {
	s := grpc.NewServer(grpc.UnaryInterceptor(authz))
	echov1.RegisterEchoServiceServer(s, impl) // want `serverauth: EchoService.Delete: not in the method table of authz, which lets it through unchecked; deny methods the table does not list`
	return s
}
