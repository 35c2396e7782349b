// Package credentialstype is a stub of
// google.golang.org/api/internal/credentialstype for the analysistest
// cases.
package credentialstype

type CredType string

const (
	Unknown        CredType = ""
	ServiceAccount CredType = "service_account"
	AuthorizedUser CredType = "authorized_user"
)
