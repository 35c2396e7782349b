// Package helpers builds dial options for other packages.
package helpers

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/credentials/oauth"
)

func TLS() grpc.DialOption { // want TLS:`dialopts\(none\)`
	return grpc.WithTransportCredentials(credentials.NewTLS(nil))
}

func Insecure() grpc.DialOption { // want Insecure:`dialopts\(none insecure\)`
	return grpc.WithTransportCredentials(insecure.NewCredentials())
}

func Auth(c credentials.PerRPCCredentials) []grpc.DialOption { // want Auth:`dialopts\(auth\)`
	return []grpc.DialOption{TLS(), grpc.WithPerRPCCredentials(c)}
}

func WithDefaults(opts ...grpc.DialOption) []grpc.DialOption { // want WithDefaults:`dialopts\(none\+param0\)`
	return append([]grpc.DialOption{TLS(), grpc.WithBlock()}, opts...)
}

var Loader func() []grpc.DialOption

func FromEnv() []grpc.DialOption { // want FromEnv:`dialopts\(unknown\)`
	return Loader()
}

func MaybeAuth(c credentials.PerRPCCredentials) ([]grpc.DialOption, error) { // want MaybeAuth:`dialopts\(auth\)`
	if c == nil {
		return []grpc.DialOption{Insecure()}, nil
	}
	return Auth(c), nil
}

var Plain = []grpc.DialOption{grpc.WithInsecure()} // want Plain:`dialopts\(none insecure\)`

var Secure = append(Plain, grpc.WithPerRPCCredentials(nil)) // want Secure:`dialopts\(auth\)`

func Dial(addr string, opts ...grpc.DialOption) (*grpc.ClientConn, error) { // want Dial:`dialer\(opts=1 target=0 base=none\)`
	return grpc.NewClient(addr, append([]grpc.DialOption{TLS()}, opts...)...)
}

func DialAuthed(ctx context.Context, c credentials.PerRPCCredentials, addr string, opts ...grpc.DialOption) (*grpc.ClientConn, error) { // want DialAuthed:`dialer\(opts=3 target=2 base=auth\)`
	return grpc.DialContext(ctx, addr, append(opts, grpc.WithPerRPCCredentials(c), TLS())...)
}

func DialFixed(opts ...grpc.DialOption) (*grpc.ClientConn, error) { // want DialFixed:`dialer\(opts=0 target=-1 base=none insecure\)`
	return grpc.NewClient("api.example.com:443", append(opts, Insecure())...)
}

type Server struct{ Addr string }

func (s *Server) Client(opts ...grpc.DialOption) (*grpc.ClientConn, error) { // want Client:`dialer\(opts=0 target=-1 base=none insecure\)`
	return grpc.NewClient(s.Addr, append([]grpc.DialOption{Insecure()}, opts...)...)
}

// Credentials returns credentials that require TLS on every path.
func Credentials(keyFile string) (credentials.PerRPCCredentials, error) { // want Credentials:`tlscreds\(helpers.Credentials\)`
	if keyFile == "" {
		return oauth.TokenSource{}, nil
	}
	return oauth.NewServiceAccountFromFile(keyFile, "scope")
}

func MaybeCredentials(c credentials.PerRPCCredentials) credentials.PerRPCCredentials {
	if c != nil {
		return c
	}
	return oauth.NewComputeEngine()
}

func ServiceAccount(keyFile string) (credentials.PerRPCCredentials, error) { // want ServiceAccount:`tlscreds\(oauth.NewServiceAccountFromFile\)`
	return oauth.NewServiceAccountFromFile(keyFile, "scope")
}
