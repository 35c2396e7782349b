// Package providers declares the endpoints a transport dials; it cannot
// see grpc. Auth points to an interface of the module's auth package,
// set from JSON.
package providers

import (
	"encoding/json"

	"unattached/auth"
)

// Provider is a gRPC endpoint; nothing reads Auth.
type Provider struct { // want Provider:`fieldreads\(\) plain\(unread=Host,Port,UseSSL\)`
	Host   string     `json:"host"`
	Port   int        `json:"port"`
	UseSSL bool       `json:"use_ssl"`
	Auth   *auth.Auth `json:"auth,omitempty"`
}

// UnmarshalProvider sets Auth: a write, not a read.
func UnmarshalProvider(data []byte) (*Provider, error) {
	type alias Provider
	aux := struct {
		*alias
		Auth json.RawMessage `json:"auth"`
	}{alias: (*alias)(&Provider{})}
	if err := json.Unmarshal(data, &aux); err != nil {
		return nil, err
	}
	p := (*Provider)(aux.alias)
	if len(aux.Auth) > 0 {
		a, err := auth.UnmarshalAuth(aux.Auth)
		if err != nil {
			return nil, err
		}
		p.Auth = &a
	}
	return p, nil
}

// Basic is an endpoint with a pointer to a struct of credentials.
type Basic struct { // want Basic:`fieldreads\(\) plain\(unread=Addr\)`
	Addr string
	Auth *auth.BasicAuth
}

// Checked is an endpoint whose Auth its package reads (to validate it).
type Checked struct { // want Checked:`fieldreads\(Auth\) plain\(unread=Addr\)`
	Addr string
	Auth *auth.Auth
}

func (c *Checked) Valid() bool { return c.Auth != nil }

// Mode has only settings about auth: a bool, an enum, a URL string.
type Mode struct {
	Addr        string
	AuthEnabled bool
	AuthMode    auth.AuthType
	Auth        auth.AuthType
	AuthURL     string
}

// Forwarded's Auth is read by the transport only.
type Forwarded struct { // want Forwarded:`fieldreads\(\) plain\(unread=Addr\)`
	Addr string
	Auth *auth.Auth
}

// Decoded's Token is decoded into by the transport.
type Decoded struct { // want Decoded:`fieldreads\(\) plain\(unread=Addr\)`
	Addr  string
	Token *auth.BasicAuth
}
