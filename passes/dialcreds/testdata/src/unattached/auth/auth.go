// Package auth is a module's own auth package, which cannot see grpc:
// an interface for the ways to authenticate, decoded from JSON.
package auth

import (
	"encoding/json"
	"errors"
)

// AuthType is an enum: a field of this type is a setting about auth.
type AuthType string

const (
	APIKeyType AuthType = "api_key"
	BasicType  AuthType = "basic"
)

// Auth is the interface all auth methods implement.
type Auth interface {
	Type() AuthType
}

// BasicAuth holds a user name and a password.
type BasicAuth struct { // want BasicAuth:`fieldreads\(Password\) plain\(unread=\)`
	AuthType AuthType `json:"auth_type"`
	Username string   `json:"username"`
	Password string   `json:"password"`
}

func (a *BasicAuth) Type() AuthType { return BasicType }

// UnmarshalAuth decodes an Auth from JSON.
func UnmarshalAuth(data []byte) (Auth, error) {
	var b BasicAuth
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, err
	}
	if b.Username == "" || b.Password == "" || b.AuthType != BasicType {
		return nil, errors.New("incomplete basic auth")
	}
	return &b, nil
}
