// Package paths holds credential paths as exported constants.
package paths

const (
	Dir     = "/home/deploy/creds"
	KeyFile = Dir + "/sa.json"
	TLSCert = "tls/server.crt"
)

// Var is a variable: configuration, not a constant.
var Var = "/home/deploy/creds/var.json"
