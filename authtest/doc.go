// Package authtest tests that every RPC of a grpc-go server requires a
// token: it calls each method in process without credentials and checks
// that each answers codes.Unauthenticated.
package authtest
