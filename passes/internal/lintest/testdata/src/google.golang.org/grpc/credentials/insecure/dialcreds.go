// Package insecure is a stub of google.golang.org/grpc/credentials/insecure
// for the analysistest cases.
package insecure

import "google.golang.org/grpc/credentials"

func NewCredentials() credentials.TransportCredentials { return nil }
func NewBundle() credentials.Bundle                    { return nil }
