// Package rest is a stub of k8s.io/client-go/rest.
package rest

// Config holds the common attributes that can be passed to a Kubernetes client.
type Config struct {
	Host        string
	BearerToken string
}
