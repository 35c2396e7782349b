// Package authzpolicy builds servers with static authorization
// policies whose deny rule path lacks its leading "/", or has it.
package authzpolicy

import (
	echov1 "example.com/e2egateway/gen/echo/v1"
	"google.golang.org/grpc"
	"google.golang.org/grpc/authz"
)

var _ = echov1.EchoService_Delete_FullMethodName

// The deny rule means to stop Delete.
const missingSlash = `{"name": "echo", "deny_rules": [{"name": "no-delete", "request": {"paths": ["echo.v1.EchoService/Delete"]}}], "allow_rules": [{"name": "all"}]}` // want `serverauth: path "echo.v1.EchoService/Delete" of deny rule "no-delete" never matches: method names start with "/"; use "/echo.v1.EchoService/Delete"`

const withSlash = `{"name": "echo", "deny_rules": [{"name": "no-delete", "request": {"paths": ["/echo.v1.EchoService/Delete"]}}], "allow_rules": [{"name": "all"}]}`

// MissingSlash serves with the deny rule that never matches.
func MissingSlash() (*grpc.Server, error) { return serve(missingSlash) }

// WithSlash serves with the deny rule that does.
func WithSlash() (*grpc.Server, error) { return serve(withSlash) }

func serve(policy string) (*grpc.Server, error) {
	i, err := authz.NewStatic(policy)
	if err != nil {
		return nil, err
	}
	return grpc.NewServer(grpc.ChainUnaryInterceptor(i.UnaryInterceptor), grpc.ChainStreamInterceptor(i.StreamInterceptor)), nil
}
