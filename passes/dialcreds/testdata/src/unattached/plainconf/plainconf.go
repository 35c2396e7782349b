// Package plainconf cannot see grpc. Its exported structs with
// credentials fields export what it reads (it is walked for them), with
// the other fields it never reads: a struct's credentials count as never
// read only where every other field is read, here or by the dialling
// package.
package plainconf

// Settings is an endpoint: the client reads Addr, and APIKey is read
// nowhere.
type Settings struct { // want Settings:`fieldreads\(\) plain\(unread=Addr\)`
	Addr   string
	APIKey string
}

// Config is a program's central configuration: the database password is
// read where the database is opened, by a package the client does not
// import, and LogLevel is read by none the analyzer sees: not reported.
type Config struct { // want Config:`fieldreads\(\) plain\(unread=GRPCAddr,LogLevel\)`
	GRPCAddr   string
	DBPassword string
	LogLevel   int
}

// Upstream reads its token itself, to build request headers.
type Upstream struct { // want Upstream:`fieldreads\(Token\) plain\(unread=Addr\)`
	Addr  string
	Token string
}

func (u *Upstream) Headers() map[string]string {
	return map[string]string{"authorization": "Bearer " + u.Token}
}

// settings is unexported: no fact.
type settings struct {
	Addr  string
	Token string
}

var _ = settings{}
