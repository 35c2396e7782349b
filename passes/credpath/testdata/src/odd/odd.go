// Package odd holds unusual but valid code around the sinks: nothing
// here may panic, and only constant paths are reported.
package odd

import (
	"crypto/tls"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/oauth2/google"
	. "google.golang.org/grpc/credentials/oauth"
	"google.golang.org/grpc/credentials/sts"
)

var load = tls.LoadX509KeyPair

var pkgLevel, _ = NewServiceAccountFromFile("/home/alice/pkg.json") // want `"/home/alice/pkg.json"`

func init() {
	load("a.crt", "a.key") // a function value: not followed
	f := tls.LoadX509KeyPair
	f("b.crt", "b.key")
	NewJWTAccessFromFile("dot.json") // want `"dot.json" is relative`
	args := []string{"x"}
	NewServiceAccountFromFile("/tmp/scoped.json", args...) // want `"/tmp/scoped.json"`
}

type myOpts sts.Options

func conversions() {
	_ = myOpts{SubjectTokenPath: "/tmp/t"} // a different named type
	_ = sts.Options(myOpts{ActorTokenPath: "/tmp/u"})
	_ = []sts.Options{{SubjectTokenPath: "/tmp/elided"}}   // want `"/tmp/elided"`
	_ = []*sts.Options{{SubjectTokenPath: "/tmp/elided2"}} // want `"/tmp/elided2"`
	_ = map[string]string{"SubjectTokenPath": "/tmp/map"}
	_ = struct{ SubjectTokenPath string }{"/tmp/anon"}
	_ = [2]string{"/tmp/array", ""}
}

func shadowed() {
	tls := struct{ LoadX509KeyPair func(a, b string) }{}
	if tls.LoadX509KeyPair != nil {
		tls.LoadX509KeyPair("/tmp/shadow.crt", "/tmp/shadow.key")
	}
	filepath := struct{ Join func(...string) string }{}
	_ = filepath
}

func loops(ctx interface{ Done() <-chan struct{} }) {
	for _, p := range []string{"/tmp/1.json", "/tmp/2.json"} {
		NewServiceAccountFromFile(p) // range variable: not followed
	}
	var data []byte
	for i := 0; i < 2; i++ {
		data, _ = os.ReadFile("/tmp/loop.json") // want `service-account key file "/tmp/loop\.json" is in a temporary directory; read the path from configuration`
	}
	google.JWTConfigFromJSON(data) // declared without a value, assigned once
	x := "a"
	x += ".json"
	NewServiceAccountFromFile(x)
	var y, z = pair()
	NewServiceAccountFromFile(y + z)
}

func pair() (string, string) { return "/tmp", "k.json" }

func recursion() {
	a := "/tmp/self.json"
	b := a
	a2 := b
	NewServiceAccountFromFile(filepath.Join(a2, filepath.Join(filepath.Join("x"))) + ".bak") // want `"/tmp/self.json/x.bak"`
	dir := "/tmp/keys"
	NewServiceAccountFromFile(dir + "/" + "sa.json") // want `"/tmp/keys/sa.json"`
}

func readers() {
	r, _ := os.Open("/tmp/a.json") // want `service-account key file "/tmp/a\.json" is in a temporary directory; read the path from configuration`
	var rd io.Reader = r
	data, _ := io.ReadAll(rd)
	google.JWTConfigFromJSON(data)
	google.JWTConfigFromJSON(nil)
	google.JWTConfigFromJSON([]byte("{}"))
	google.JWTConfigFromJSON(must(os.ReadFile("/tmp/must.json"))) // a helper: not followed
	func() {
		inner, _ := os.ReadFile("/tmp/closure.json") // want `service-account key file "/tmp/closure\.json" is in a temporary directory; read the path from configuration`
		google.JWTConfigFromJSON(inner)
	}()
}

func must(b []byte, err error) []byte { return b }
