// Command gen writes a synthetic monorepo for the benchmarks: n packages
// in one module, each importing two earlier ones, of which a given
// percentage use gRPC (metadata, dialing, credentials) and the rest only
// the standard library.
//
//	go run ./bench/gen -o /tmp/mono -n 300 -grpc 3
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	out := flag.String("o", "", "output directory (created)")
	n := flag.Int("n", 300, "number of packages")
	pct := flag.Float64("grpc", 3, "percentage of packages that use gRPC")
	flag.Parse()
	if *out == "" || *n < 1 || *pct < 0 || *pct > 100 {
		log.Fatal("usage: gen -o dir [-n packages] [-grpc percent]")
	}
	must(os.MkdirAll(*out, 0o755))
	gomod := "module example.com/mono\n\ngo 1.24\n"
	if *pct > 0 {
		gomod += "\nrequire google.golang.org/grpc v1.85.0\n"
	}
	must(os.WriteFile(filepath.Join(*out, "go.mod"), []byte(gomod), 0o644))
	every := 0
	if *pct > 0 {
		every = int(100 / *pct)
	}
	for i := 0; i < *n; i++ {
		dir := filepath.Join(*out, fmt.Sprintf("p%03d", i))
		must(os.MkdirAll(dir, 0o755))
		var deps []int
		if i > 0 {
			deps = append(deps, i-1)
		}
		if i > 2 {
			deps = append(deps, i/2)
		}
		src := plain(i, deps)
		if every > 0 && i%every == every-1 {
			src = withGRPC(i, deps)
		}
		must(os.WriteFile(filepath.Join(dir, "p.go"), []byte(src), 0o644))
	}
}

func imports(deps []int, extra ...string) string {
	var b strings.Builder
	b.WriteString("import (\n")
	for _, e := range extra {
		fmt.Fprintf(&b, "\t%q\n", e)
	}
	for _, d := range deps {
		fmt.Fprintf(&b, "\tp%03d \"example.com/mono/p%03d\"\n", d, d)
	}
	b.WriteString(")\n")
	return b.String()
}

func uses(deps []int) string {
	var b strings.Builder
	for _, d := range deps {
		fmt.Fprintf(&b, "\t_ = p%03d.Sum\n", d)
	}
	return b.String()
}

func plain(i int, deps []int) string {
	return fmt.Sprintf(`package p%03d

%s
type Record struct {
	Name  string
	Tags  map[string]string
	Score float64
}

func Sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func Encode(r Record) ([]byte, error) { return json.Marshal(r) }

func Keys(r Record) []string {
	var ks []string
	for k := range r.Tags {
		ks = append(ks, strings.ToLower(k))
	}
	sort.Strings(ks)
	return ks
}

func Handler(w http.ResponseWriter, req *http.Request) {
	%s
	h := req.Header.Get("Authorization")
	fmt.Fprintf(w, "%%d %%s", Sum([]int{1, 2, 3}), h)
}
`, i, imports(deps, "encoding/json", "fmt", "net/http", "sort", "strings"), strings.TrimSpace(uses(deps)))
}

func withGRPC(i int, deps []int) string {
	return fmt.Sprintf(`package p%03d

%s
type tokenCreds struct{ token string }

func (t tokenCreds) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + t.token}, nil
}

func (tokenCreds) RequireTransportSecurity() bool { return false }

func Sum(xs []int) int { return len(xs) }

func Dial(target, token string) (*grpc.ClientConn, error) {
	%s
	return grpc.NewClient(target,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithPerRPCCredentials(tokenCreds{token}))
}

func Authorize(ctx context.Context) bool {
	md, ok := metadata.FromIncomingContext(ctx)
	if !ok {
		return false
	}
	return len(md["authorization"]) > 0 && len(md.Get("x-tenant")) > 0
}

func Outgoing(ctx context.Context, id string) context.Context {
	return metadata.AppendToOutgoingContext(ctx, "x-request-id", id)
}
`, i, imports(deps, "context", "google.golang.org/grpc", "google.golang.org/grpc/credentials/insecure", "google.golang.org/grpc/metadata"), strings.TrimSpace(uses(deps)))
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
