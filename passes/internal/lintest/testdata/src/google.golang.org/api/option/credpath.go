// Package option is a stub of google.golang.org/api/option for the
// analysistest cases.
package option

import (
	"google.golang.org/api/internal"
	"google.golang.org/api/internal/credentialstype"
)

type CredentialsType = credentialstype.CredType

const (
	ServiceAccount = credentialstype.ServiceAccount
	AuthorizedUser = credentialstype.AuthorizedUser
)

type ClientOption interface {
	Apply(*internal.DialSettings)
}

func WithCredentialsFile(filename string) ClientOption { return nil }

func WithAuthCredentialsFile(credType CredentialsType, filename string) ClientOption { return nil }

func WithServiceAccountFile(filename string) ClientOption { return nil }

func WithCredentialsJSON(p []byte) ClientOption { return nil }

func WithAuthCredentialsJSON(credType CredentialsType, json []byte) ClientOption { return nil }
