package main

import (
	"slices"
	"testing"
)

// TestGoErrors: the go command's "# package" blocks become one line per
// error naming the package; its download progress is left as it is.
func TestGoErrors(t *testing.T) {
	stderr := "go: downloading google.golang.org/grpc v1.85.0\n" +
		"# example.com/m/syn\n" +
		"syn/s.go:3:6: expected 'IDENT', found '{'\n" +
		"# example.com/m/typeerr\n" +
		"typeerr/t.go:3:13: cannot use x (variable of type int) as string value in assignment\n" +
		"typeerr/t.go:4:2: too many errors\n" +
		"\thave (int)\n" +
		"grpcauthlint: -dialcreds.allow-target: bad pattern\n" +
		"go: go.mod file not found in current directory or any parent directory\n"
	want := []string{
		"go: downloading google.golang.org/grpc v1.85.0",
		"grpcauthlint: example.com/m/syn: syn/s.go:3:6: expected 'IDENT', found '{'",
		"grpcauthlint: example.com/m/typeerr: typeerr/t.go:3:13: cannot use x (variable of type int) as string value in assignment",
		"grpcauthlint: example.com/m/typeerr: typeerr/t.go:4:2: too many errors have (int)",
		"grpcauthlint: -dialcreds.allow-target: bad pattern",
		"grpcauthlint: go.mod file not found in current directory or any parent directory",
	}
	if got := goErrors([]byte(stderr)); !slices.Equal(got, want) {
		t.Errorf("goErrors:\n%q\nwant\n%q", got, want)
	}
}
