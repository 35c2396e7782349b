// Package typeparams: generic helpers and wrappers.
package typeparams

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/oauth"
)

func Opts[T any](extra ...grpc.DialOption) []grpc.DialOption { // want Opts:`dialopts\(none\+param0 insecure\)`
	return append([]grpc.DialOption{grpc.WithInsecure()}, extra...)
}

func DialT[T any](addr string, v T, opts ...grpc.DialOption) (*grpc.ClientConn, error) { // want DialT:`dialer\(opts=2 target=0 base=none insecure\)`
	return grpc.NewClient(addr, append(opts, grpc.WithInsecure())...)
}

type Pool[T any] struct{ opts []grpc.DialOption }

func (p *Pool[T]) Dial(addr string) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr, p.opts...)
}

func (p *Pool[T]) Plain() []grpc.DialOption { // want Plain:`dialopts\(none insecure\)`
	return []grpc.DialOption{grpc.WithInsecure()}
}

type Creds[T any] struct{ v T }

func (Creds[T]) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return nil, nil
}

func (Creds[T]) RequireTransportSecurity() bool { return true } // want RequireTransportSecurity:`requiresTLS`

func use[T any](addr string, v T, c credentials.PerRPCCredentials, p *Pool[T]) {
	grpc.NewClient(addr, Opts[T]()...) // want `grpc.NewClient gets no credentials;`
	grpc.NewClient(addr, Opts[int](grpc.WithPerRPCCredentials(c))...)
	DialT(addr, v) // want `typeparams.DialT gets no credentials;`
	DialT[T](addr, v, grpc.WithPerRPCCredentials(c))
	DialT(addr, v, grpc.WithPerRPCCredentials(oauth.TokenSource{})) // want `oauth.TokenSource credentials over the options of typeparams.DialT require TLS;`
	grpc.NewClient(addr, p.Plain()...)                              // want `grpc.NewClient gets no credentials;`
	p.Dial(addr)
	grpc.NewClient(addr, append(p.Plain(), grpc.WithDefaultCallOptions(grpc.PerRPCCredentials(Creds[T]{})))...) // want `typeparams.Creds\[T\] call credentials over grpc.WithInsecure\(\) require TLS;`
}
