// Package config declares the settings other packages dial with. It can
// see grpc, so its reads of credentials fields are exported as facts.
package config

import "google.golang.org/grpc"

// Config's Token is read nowhere, here or by the client.
type Config struct { // want Config:`fieldreads\(\)`
	Addr  string
	Token string
}

// Options' password is read here, by the method that builds its
// credentials: used.
type Options struct { // want Options:`fieldreads\(password\)`
	Addr     string
	password string
}

func (o Options) DialOptions() []grpc.DialOption { // want DialOptions:`dialopts\(none\)`
	if o.password == "" {
		return nil
	}
	return []grpc.DialOption{grpc.WithAuthority(o.password)}
}
