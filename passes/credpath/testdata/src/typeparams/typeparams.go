// Package typeparams uses credential sinks in generic code.
package typeparams

import (
	"context"
	"crypto/tls"
	"os"

	"golang.org/x/oauth2/google"
	"google.golang.org/grpc/credentials/sts"
)

type path interface{ ~string }

func load[P path](cert, key P) (tls.Certificate, error) {
	return tls.LoadX509KeyPair(string(cert), string(key)) // type parameters: configuration
}

func loadConst[T any](v T) (tls.Certificate, error) {
	return tls.LoadX509KeyPair("server.crt", "server.key") // want `"server.crt" is relative` `"server.key" is relative`
}

type holder[T any] struct {
	opts sts.Options
	v    T
}

func newHolder[T any](v T) *holder[T] {
	return &holder[T]{opts: sts.Options{SubjectTokenPath: "/tmp/token"}, v: v} // want `STS subject token file "/tmp/token" is in a temporary directory; read the path from configuration`
}

func parse[B ~[]byte](ctx context.Context) {
	data, _ := os.ReadFile("/home/alice/sa.json") // want `Google credentials file "/home/alice/sa\.json" is in a home directory; read the path from configuration`
	google.CredentialsFromJSON(ctx, []byte(B(data)))
}

func use() {
	load("a.crt", "a.key")
	load[string]("b.crt", "b.key")
	loadConst(1)
	newHolder("x")
}
