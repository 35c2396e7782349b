// Package manybranches: many conditional appends stay cheap (paths are
// merged past a bound) and keep their meaning for missing credentials.
package manybranches

import (
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/oauth"
)

type flags struct{ a, b, c, d, e, f, g, h, i, j, k, l bool }

func noCreds(addr string, f flags) {
	opts := []grpc.DialOption{grpc.WithInsecure()}
	if f.a {
		opts = append(opts, grpc.WithBlock())
	}
	if f.b {
		opts = append(opts, grpc.WithUserAgent("b"))
	}
	if f.c {
		opts = append(opts, grpc.WithAuthority("c"))
	}
	if f.d {
		opts = append(opts, grpc.WithBlock())
	}
	if f.e {
		opts = append(opts, grpc.WithUserAgent("e"))
	}
	if f.f {
		opts = append(opts, grpc.WithAuthority("f"))
	}
	if f.g {
		opts = append(opts, grpc.WithBlock())
	}
	if f.h {
		opts = append(opts, grpc.WithUserAgent("h"))
	}
	if f.i {
		opts = append(opts, grpc.WithAuthority("i"))
	}
	if f.j {
		opts = append(opts, grpc.WithBlock())
	}
	if f.k {
		opts = append(opts, grpc.WithUserAgent("k"))
	}
	if f.l {
		opts = append(opts, grpc.WithAuthority("l"))
	}
	grpc.NewClient(addr, opts...) // want `grpc.NewClient gets no credentials;`
}

func someCreds(addr string, f flags, c credentials.PerRPCCredentials) {
	var opts []grpc.DialOption
	for i := 0; i < 3; i++ {
		if f.a {
			opts = append(opts, grpc.WithBlock())
		}
		if f.b {
			opts = append(opts, grpc.WithUserAgent("b"))
		}
		if f.c {
			opts = append(opts, grpc.WithAuthority("c"))
		}
		if f.d {
			opts = append(opts, grpc.WithBlock())
		}
		if f.e {
			opts = append(opts, grpc.WithUserAgent("e"))
		}
		if f.f {
			opts = append(opts, grpc.WithAuthority("f"))
		}
		if f.g {
			opts = append(opts, grpc.WithPerRPCCredentials(c))
		}
	}
	if f.h {
		opts = append(opts, grpc.WithInsecure())
	}
	grpc.NewClient(addr, opts...)
}

// Neutral options do not multiply paths: the insecure transport is
// still chosen by one branch.
func neutral(addr string, f flags) {
	opts := []grpc.DialOption{grpc.WithPerRPCCredentials(oauth.TokenSource{})}
	if f.a {
		opts = append(opts, grpc.WithUserAgent("a"))
	}
	if f.b {
		opts = append(opts, grpc.WithUserAgent("b"))
	}
	if f.c {
		opts = append(opts, grpc.WithUserAgent("c"))
	}
	if f.d {
		opts = append(opts, grpc.WithUserAgent("d"))
	}
	if f.e {
		opts = append(opts, grpc.WithUserAgent("e"))
	}
	if f.f {
		opts = append(opts, grpc.WithUserAgent("f"))
	}
	if f.g {
		opts = append(opts, grpc.WithInsecure())
	}
	grpc.NewClient(addr, opts...) // want `^when f.g, oauth.TokenSource credentials over grpc.WithInsecure\(\) require TLS; use credentials.NewTLS$`
}

// Past the bound, paths are merged and the pairing of credentials with an
// insecure transport is no longer judged (precision first).
func merged(addr string, f flags) {
	var opts []grpc.DialOption
	tls := grpc.WithTransportCredentials(credentials.NewTLS(nil))
	if f.a {
		opts = append(opts, grpc.WithInsecure())
	} else {
		opts = append(opts, tls)
	}
	if f.b {
		opts = append(opts, grpc.WithInsecure())
	} else {
		opts = append(opts, tls)
	}
	if f.c {
		opts = append(opts, grpc.WithInsecure())
	} else {
		opts = append(opts, tls)
	}
	if f.d {
		opts = append(opts, grpc.WithInsecure())
	} else {
		opts = append(opts, tls)
	}
	if f.e {
		opts = append(opts, grpc.WithInsecure())
	} else {
		opts = append(opts, tls)
	}
	if f.f {
		opts = append(opts, grpc.WithInsecure())
	} else {
		opts = append(opts, tls)
	}
	grpc.NewClient(addr, append(opts, grpc.WithPerRPCCredentials(oauth.TokenSource{}))...)
	grpc.NewClient(addr, opts...) // want `grpc.NewClient gets no credentials;`
}
