// Package multiline holds a policy over several lines: each finding
// goes to the line of its path (checked by TestAuthzPolicyLines).
package multiline

import (
	"chatpb"

	"google.golang.org/grpc/authz"
)

var _ = chatpb.Chat_Send_FullMethodName

func static() {
	authz.NewStatic(`{
	"name": "chat",
	"deny_rules": [{
		"name": "no-upload",
		"request": {"paths": [
			"/chat.v1.Chat/Upload",
			"chat.v1.Chat/Talk"
		]}
	}],
	"allow_rules": [{"name": "all"}]
}`)
}
