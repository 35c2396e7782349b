// Package plainconf cannot see grpc: it exports no facts, so what it
// reads is unknown and the client is not reported for its fields.
package plainconf

type Settings struct {
	Addr   string
	APIKey string
}
