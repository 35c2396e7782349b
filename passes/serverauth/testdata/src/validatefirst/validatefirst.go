// Package validatefirst chains request validators and auth
// interceptors.
package validatefirst

import (
	"context"
	"validatefirst/lib"

	grpc_middleware "github.com/grpc-ecosystem/go-grpc-middleware"
	grpc_auth "github.com/grpc-ecosystem/go-grpc-middleware/auth"

	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/auth"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/protovalidate"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/validator"
	grpc_validator "github.com/grpc-ecosystem/go-grpc-middleware/validator"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	pv "buf.build/go/protovalidate"
)

func authFunc(ctx context.Context) (context.Context, error) { // want authFunc:"authenticates"
	_, err := auth.AuthFromMD(ctx, "bearer")
	return ctx, err
}

func authUnary(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) { // want authUnary:"authenticates"
	md, _ := metadata.FromIncomingContext(ctx)
	if len(md["authorization"]) == 0 {
		return nil, status.Error(codes.Unauthenticated, "no token")
	}
	return h(ctx, req)
}

func logUnary(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
	return h(ctx, req)
}

func chained() {
	grpc.NewServer(grpc.ChainUnaryInterceptor(
		logUnary,
		validator.UnaryServerInterceptor(), // want `validator validator.UnaryServerInterceptor\(...\) runs before auth interceptor authUnary; list auth first`
		authUnary,
	))
}

func v1() {
	grpc.NewServer(grpc.ChainUnaryInterceptor(grpc_validator.UnaryServerInterceptor(), auth.UnaryServerInterceptor(authFunc))) // want `validator grpc_validator.UnaryServerInterceptor\(...\) runs before auth interceptor auth.UnaryServerInterceptor\(...\)`
}

func protoValidate(v pv.Validator) {
	validate := protovalidate.UnaryServerInterceptor(v)
	grpc.NewServer(grpc.ChainUnaryInterceptor(validate, authUnary)) // want `validator validate runs before auth interceptor authUnary`
}

func spread() {
	ints := []grpc.UnaryServerInterceptor{validator.UnaryServerInterceptor(), authUnary} // want `validator validator.UnaryServerInterceptor\(...\) runs before auth interceptor authUnary`
	grpc.NewServer(grpc.ChainUnaryInterceptor(ints...))
}

// grpc.UnaryInterceptor's interceptor runs before every chained one.
func singleFirst() {
	grpc.NewServer(
		grpc.ChainUnaryInterceptor(authUnary),
		grpc.UnaryInterceptor(validator.UnaryServerInterceptor()), // want `validator runs before the auth interceptor authUnary of a later option; install auth first`
	)
}

func options() {
	grpc.NewServer(
		grpc.ChainUnaryInterceptor(validator.UnaryServerInterceptor()), // want `validator runs before the auth interceptor authUnary of a later option`
		grpc.ChainUnaryInterceptor(authUnary),
	)
}

func crossPackage() {
	grpc.NewServer(lib.Validation(), lib.Auth()) // want `validator runs before the auth interceptor auth.UnaryServerInterceptor\(...\) of a later option`
	grpc.NewServer(lib.Both()...)
}

// Silent: auth first.
func authFirst() {
	grpc.NewServer(grpc.ChainUnaryInterceptor(authUnary, validator.UnaryServerInterceptor()))
	grpc.NewServer(grpc.UnaryInterceptor(authUnary), grpc.ChainUnaryInterceptor(validator.UnaryServerInterceptor()))
	grpc.NewServer(lib.Auth(), lib.Validation())
}

// Silent: stream validators check messages in RecvMsg, after every
// stream interceptor has run.
func streams() {
	grpc.NewServer(grpc.ChainStreamInterceptor(validator.StreamServerInterceptor(), auth.StreamServerInterceptor(authFunc)))
}

// Silent: no auth interceptor the pass knows, or options it cannot see.
func unknown(extra grpc.ServerOption, ints []grpc.UnaryServerInterceptor) {
	grpc.NewServer(grpc.ChainUnaryInterceptor(validator.UnaryServerInterceptor(), logUnary))
	grpc.NewServer(grpc.ChainUnaryInterceptor(validator.UnaryServerInterceptor()), extra, grpc.ChainUnaryInterceptor(authUnary))
	grpc.NewServer(grpc.ChainUnaryInterceptor(ints...), grpc.ChainUnaryInterceptor(authUnary))
}

// Silent: the validator is given on some paths only.
func conditional(validate bool) {
	opts := []grpc.ServerOption{}
	if validate {
		opts = append(opts, grpc.ChainUnaryInterceptor(validator.UnaryServerInterceptor()))
	}
	opts = append(opts, grpc.ChainUnaryInterceptor(authUnary))
	grpc.NewServer(opts...)
}

// go-grpc-middleware v1's chains run in order too.
func v1Chains() {
	grpc.NewServer(grpc.UnaryInterceptor(grpc_middleware.ChainUnaryServer(
		grpc_validator.UnaryServerInterceptor(), // want `validator grpc_validator.UnaryServerInterceptor\(...\) runs before auth interceptor grpc_auth.UnaryServerInterceptor\(...\)`
		grpc_auth.UnaryServerInterceptor(authFunc),
	)))
	grpc.NewServer(grpc_middleware.WithUnaryServerChain(grpc_validator.UnaryServerInterceptor(), authUnary)) // want `validator grpc_validator.UnaryServerInterceptor\(...\) runs before auth interceptor authUnary`
	grpc.NewServer(
		grpc.UnaryInterceptor(grpc_middleware.ChainUnaryServer(logUnary, grpc_validator.UnaryServerInterceptor())), // want `validator runs before the auth interceptor authUnary of a later option`
		grpc.ChainUnaryInterceptor(authUnary),
	)
	grpc.NewServer(grpc.UnaryInterceptor(grpc_middleware.ChainUnaryServer(grpc_auth.UnaryServerInterceptor(authFunc), grpc_validator.UnaryServerInterceptor())))
}

// An auth interceptor that checks the methods its table lists (and lets
// the others through, fail-open) still answers those without a token:
// the validator before it answers them InvalidArgument.
var requireAuth = map[string]bool{"/items.v1.Items/Get": true}

func tableAuth() grpc.UnaryServerInterceptor { // want tableAuth:"fail-open unary table" tableAuth:"returns an interceptor that authenticates some calls"
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
		if _, ok := requireAuth[info.FullMethod]; !ok {
			return h(ctx, req)
		}
		md, _ := metadata.FromIncomingContext(ctx)
		if len(md["authorization"]) == 0 {
			return nil, status.Error(codes.Unauthenticated, "no token")
		}
		return h(ctx, req)
	}
}

func failOpenAuth(v pv.Validator) {
	grpc.NewServer(grpc.ChainUnaryInterceptor(
		protovalidate.UnaryServerInterceptor(v), // want `validator protovalidate.UnaryServerInterceptor\(...\) runs before auth interceptor tableAuth\(...\)`
		tableAuth(),
	))
}

// An interceptor that skips auth for some methods first still rejects
// the others without a token; one that only maps its handler's errors
// does not authenticate.
func skipsSome(g *lib.Graph) {
	grpc.NewServer(grpc.ChainUnaryInterceptor(
		grpc_validator.UnaryServerInterceptor(), // want `validator grpc_validator.UnaryServerInterceptor\(...\) runs before auth interceptor g.UnaryInterceptor\(...\)`
		g.UnaryInterceptor(),
	))
}

func mapsErrors(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
	resp, err := h(ctx, req)
	if err != nil {
		return nil, status.Error(codes.Unauthenticated, "denied")
	}
	return resp, nil
}

func afterHandler() {
	grpc.NewServer(grpc.ChainUnaryInterceptor(validator.UnaryServerInterceptor(), mapsErrors))
}
