// Package asuser makes calls as one user or another (grpc-go's authz
// example): credentials built from a parameter naming the user cannot be
// attached at the connection.
package asuser

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/metadata"
)

type User struct{ Name, Secret string }

func (u User) Encode() string { return u.Name + ":" + u.Secret }

type userCreds struct{ encoded string }

func (c userCreds) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Basic " + c.encoded}, nil
}
func (userCreds) RequireTransportSecurity() bool { return true } // want RequireTransportSecurity:`requiresTLS`

func callAs(u User) grpc.CallOption {
	enc := u.Encode()
	return grpc.PerRPCCredentials(userCreds{encoded: enc})
}

func asUser(ctx context.Context, u *User) context.Context {
	return metadata.AppendToOutgoingContext(ctx, "authorization", "Basic "+u.Encode())
}

func run(ctx context.Context, addr string) {
	conn, _ := grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewTLS(nil)))
	_ = conn.Invoke(ctx, "/svc/M", nil, nil, callAs(User{Name: "admin"}))
	_ = conn.Invoke(ctx, "/svc/M", nil, nil, callAs(User{Name: "guest"}))
}
