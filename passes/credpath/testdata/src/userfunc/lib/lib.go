// Package lib is a user library whose functions and fields take
// credential files, declared with -credpath.func.
package lib

// LoadKey reads a key file: -credpath.func lib/lib.LoadKey#1.
func LoadKey(name, keyFile string) error { return nil }

// Loader loads keys: -credpath.func (*userfunc/lib.Loader).Load#0.
type Loader struct{}

func (l *Loader) Load(keyFile string) error { return nil }

// Source is an interface: -credpath.func (userfunc/lib.Source).Open#0.
type Source interface {
	Open(path string) error
}

// Options configures a client: -credpath.func userfunc/lib.Options.KeyFile.
type Options struct {
	Name    string
	KeyFile string
}

// Box is generic: -credpath.func (*userfunc/lib.Box).Load#0.
type Box[T any] struct{ v T }

func (b *Box[T]) Load(path string) T { return b.v }

// Generic is a generic function: -credpath.func userfunc/lib.Generic#0.
func Generic[T any](path string, v T) T { return v }
