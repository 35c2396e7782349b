// Package authzpolicy gives static authorization policies to
// authz.NewStatic.
package authzpolicy

import (
	_ "embed"

	"chatpb"

	"google.golang.org/grpc/authz"
	_ "google.golang.org/grpc/health/grpc_health_v1"
)

var _ = chatpb.Chat_Send_FullMethodName

const policy = `{"name": "chat", "deny_rules": [{"name": "no-upload", "request": {"paths": ["chat.v1.Chat/Upload", "/chat.v1.chat/Talk", "/chat.v1.Chat/Uplaod", "/chat.v1.Chat/upl*", "/chat.v1.Chat"]}}], "allow_rules": [{"name": "all", "request": {"paths": ["/chat.v1.Chat/*", "*", "*/Send", "/other.v1.Svc/Method", "/chat.v1.Chat/Sen*", "/grpc.health.v1.Health/Check"]}}]}` // want `path "chat.v1.Chat/Upload" of deny rule "no-upload" never matches: method names start with "/"; use "/chat.v1.Chat/Upload"` `path "/chat.v1.chat/Talk" of deny rule "no-upload" never matches: case differs; use "/chat.v1.Chat/Talk"` `path "/chat.v1.Chat/Uplaod" of deny rule "no-upload" never matches: chat.v1.Chat has no method Uplaod \(it has Send, Subscribe, Talk, Upload\)` `path "/chat.v1.Chat/upl\*" of deny rule "no-upload" never matches: case differs; use "/chat.v1.Chat/Upl\*"` `path "/chat.v1.Chat" of deny rule "no-upload" never matches: it names a service, not a method; use "/chat.v1.Chat/\*"`

func static() {
	authz.NewStatic(policy)
}

// The findings go to the path inside a raw literal.
func literal() {
	authz.NewStatic(`{"name": "x", "allow_rules": [{"name": "send", "request": {"paths": ["/chat.v1.Chat/send"]}}]}`) // want `path "/chat.v1.Chat/send" of allow rule "send" never matches: case differs; use "/chat.v1.Chat/Send"`
}

func interpreted() {
	authz.NewStatic("{\"name\": \"x\", \"allow_rules\": [{\"name\": \"a\", \"request\": {\"paths\": [\"chat.v1.Chat/Send\"]}}]}") // want `path "chat.v1.Chat/Send" of allow rule "a" never matches`
}

func local() {
	p := `{"name": "x", "allow_rules": [{"name": "a", "request": {"paths": ["grpc.health.v1.Health/*"]}}]}` // want `path "grpc.health.v1.Health/\*" of allow rule "a" never matches: method names start with "/"; use "/grpc.health.v1.Health/\*"`
	authz.NewStatic(p)
}

//go:embed policy.json
var embeddedPolicy string // want `path "chat.v1.Chat/Talk" of deny rule "no-talk" never matches`

func embedded() {
	authz.NewStatic(embeddedPolicy)
}

// Malformed: what NewStatic rejects at start-up.
func malformed() {
	authz.NewStatic(`{"name": "x", "denyRules": [], "allow_rules": [{"name": "a"}]}`)                                             // want `authz policy does not load: failed to unmarshal policy: json: unknown field "denyRules"; NewStatic returns this error`
	authz.NewStatic(`{"name": "x"}`)                                                                                              // want `authz policy does not load: "allow_rules" is not present`
	authz.NewStatic(`{"allow_rules": [{"name": "a"}]}`)                                                                           // want `"name" is not present`
	authz.NewStatic(`{"name": "x", "allow_rules": [{"request": {}}]}`)                                                            // want `"allow_rules" 0: "name" is not present`
	authz.NewStatic(`{"name": "x", "allow_rules": [{"name": "a", "request": {"headers": [{"key": ":path", "values": ["x"]}]}}]}`) // want `unsupported "key" :path`
	authz.NewStatic(`{"name": "x", "allow_rules": [{"name": "a"}`)                                                                // want `failed to unmarshal policy: unexpected EOF`
}

// Silent: what grpc-go normalises or accepts.
func fine(dynamic string) {
	authz.NewStatic(`{"Name": "x", "Allow_Rules": [{"name": "a", "request": {"headers": [{"key": "X-User", "values": ["*"]}], "paths": ["/chat.v1.Chat/Send", "/unknown.Svc/Method", "/chat.v1.*"]}}]}`)
	authz.NewStatic(dynamic)
	authz.NewFileWatcher("policy.json", 0)
}

// Parameters are followed to the constants the package passes.
func serve(policy string) {
	authz.NewStatic(policy)
}

func callers(dynamic string) {
	serve(`{"name": "p", "allow_rules": [{"name": "a", "request": {"paths": ["chat.v1.Chat/Send"]}}]}`) // want `path "chat.v1.Chat/Send" of allow rule "a" never matches`
	serve(dynamic)
}
