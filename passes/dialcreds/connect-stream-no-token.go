package dialcreds

import "fmt"

// ruleConnectStreamNoToken: a generated Connect client whose only
// credentials are a unary-only token interceptor, used for streaming
// calls (connect.go follows the client and its options).
const ruleConnectStreamNoToken = "connect-stream-no-token"

func connectNoTokenMessage(icpt string, methods []string) string {
	if len(icpt) > 40 {
		icpt = icpt[:37] + "..."
	}
	list := methods[0] + " goes"
	if len(methods) > 1 {
		list = fmt.Sprintf("%s and %d more go", methods[0], len(methods)-1)
	}
	return fmt.Sprintf("%s out without the token: unary-only interceptor %s; set it in WrapStreamingClient too", list, icpt)
}
