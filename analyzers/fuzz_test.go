package analyzers_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/grpcauthlint/grpcauthlint/analyzers"
	"github.com/grpcauthlint/grpcauthlint/internal/srcload"
	"github.com/grpcauthlint/grpcauthlint/internal/srcpass"
)

// The fuzz test feeds Go files that use the gRPC, oauth2 and credential
// APIs through every pass and checks none panics. Files are type-checked
// in-process against the shared stub packages, loaded once; type errors
// are expected and ignored (the passes run despite them, as in editors).
//
//	go test ./analyzers -run '^$' -fuzz FuzzPasses -fuzztime 60s
//
// Seeds: every case file of every pass, and testdata/fuzz/FuzzPasses.

var (
	stubOnce sync.Once
	stubImp  srcpass.Importer
	stubErr  error
)

// extraStd are standard packages fuzz inputs may import beyond what the
// stubs already pull in.
var extraStd = []string{"context", "crypto/tls", "errors", "flag", "fmt", "io", "io/ioutil", "net/http", "os", "path", "path/filepath", "strings", "sync", "testing", "time"}

func loadStubs(t testing.TB) srcpass.Importer {
	stubOnce.Do(func() {
		dir, err := filepath.Abs(filepath.Join("..", "passes", "internal", "lintest", "testdata", "src"))
		if err != nil {
			stubErr = err
			return
		}
		var paths []string
		stubErr = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if gos, _ := filepath.Glob(filepath.Join(path, "*.go")); err == nil && d.IsDir() && len(gos) > 0 {
				rel, _ := filepath.Rel(dir, path)
				paths = append(paths, filepath.ToSlash(rel))
			}
			return err
		})
		if stubErr != nil {
			return
		}
		l := srcload.For(dir)
		if _, stubErr = l.Load(append(paths, extraStd...)...); stubErr == nil {
			stubImp = srcpass.Importer(l.Types())
		}
	})
	if stubErr != nil {
		t.Fatal(stubErr)
	}
	return stubImp
}

// analyze type-checks src and runs every pass of the suite on it with a
// minimal driver (facts are neither imported nor kept).
func analyze(t testing.TB, src []byte) {
	if err := srcpass.Run(analyzers.All(), loadStubs(t), "fuzz.go", src); err != nil {
		// A pass may refuse a package (bad configuration); it must not panic.
		t.Logf("%v", err)
	}
}

func FuzzPasses(f *testing.F) {
	// Seed with every case file of every pass.
	for _, p := range analyzers.Passes() {
		root := filepath.Join("..", "passes", p.Name, "testdata", "src")
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") {
				if data, err := os.ReadFile(path); err == nil {
					f.Add(data)
				}
			}
			return nil
		})
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		analyze(t, src)
	})
}

// Fragments of code using the APIs the passes understand, assembled by
// FuzzGenerated into files that parse: the fuzzer explores combinations
// of API calls, argument shapes and control flow rather than syntax.
var (
	genKeys  = []string{`"authorization"`, `"Authorization"`, `""`, `":authority"`, `"x user"`, `"content-type"`, `k`, `keyConst`, `"X-"+keyConst`, `1`, `nil`, `other.Key`}
	genPaths = []string{`"/home/alice/sa.json"`, `"sa.json"`, `path`, `*flagPath`, `os.Getenv("KEY")`, `filepath.Join("/tmp", "k.pem")`, `"/var/run/secrets/k"`, `""`, `nil`}
	genOpts  = []string{
		`grpc.WithTransportCredentials(insecure.NewCredentials())`,
		`grpc.WithPerRPCCredentials(oauth.TokenSource{TokenSource: ts})`,
		`grpc.WithPerRPCCredentials(creds{})`,
		`grpc.WithUnaryInterceptor(nil)`,
		`grpc.WithDefaultCallOptions(grpc.PerRPCCredentials(oauth.NewOauthAccess(tok)))`,
		`grpc.WithInsecure()`,
		`opts...`,
		`helperOpts()...`,
		`grpc.WithAuthority(k)`,
	}
	genStmts = []string{
		`md := metadata.MD{%K: {"v"}}; _ = md`,
		`_ = md[%K]`,
		`md[%K] = []string{"\xff"}`,
		`delete(md, %K)`,
		`ctx = metadata.AppendToOutgoingContext(ctx, %K, "v", %K)`,
		`_ = metadata.Pairs(%K, "v")`,
		`_ = metadata.New(map[string]string{%K: "v"})`,
		`ctx = metadata.NewOutgoingContext(ctx, metadata.Pairs(%K, "v"))`,
		`_ = grpc.SetHeader(ctx, metadata.MD{%K: nil})`,
		`for k := range md { if k == %K { break } }`,
		`switch k { case %K: }`,
		`conn, _ := grpc.NewClient(target, %O, %O); _ = conn`,
		`conn, _ := grpc.Dial(target, %O); _ = conn`,
		`conn, _ := grpc.DialContext(metadata.AppendToOutgoingContext(ctx, "a", "b"), target, %O); _ = conn`,
		`opts = append(opts, %O)`,
		`if k == "" { opts = append(opts, %O) } else { opts = []grpc.DialOption{%O} }`,
		`grpc.WithPerRPCCredentials(nil)`,
		`_, _ = credentials.NewClientTLSFromFile(%P, "")`,
		`_, _ = credentials.NewServerTLSFromFile(%P, %P)`,
		`_, _ = tls.LoadX509KeyPair(%P, %P)`,
		`b, _ := os.ReadFile(%P); _, _ = oauth.NewServiceAccountFromKey(b)`,
		`os.Setenv("GOOGLE_APPLICATION_CREDENTIALS", %P)`,
		`_ = option.WithCredentialsFile(%P)`,
		`tok, _ = cfg.Exchange(ctx, "code")`,
		`tok, _ = ts.Token()`,
		`stored = tok.AccessToken`,
		`_ = oauth2.StaticTokenSource(tok)`,
		`_ = oauth.NewOauthAccess(tok)`,
		`s.token = "Bearer " + tok.AccessToken`,
		`if !tok.Valid() { tok, _ = ts.Token() }`,
		`func() { %S }()`,
		`go func() { %S }()`,
		`defer func() { %S }()`,
		`if k != "" { %S } else { %S }`,
		`for i := 0; i < 2; i++ { %S }`,
		`_ = Box[int]{}.Get(ctx)`,
	}
)

const genHeader = `package gen

import (
	"context"
	"crypto/tls"
	"os"
	"path/filepath"

	"golang.org/x/oauth2"
	"google.golang.org/api/option"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/credentials/oauth"
	"google.golang.org/grpc/metadata"
)

const keyConst = "X-Key"

var (
	stored   string
	flagPath *string
	_        = filepath.Join
	_        = option.WithCredentialsFile
	_        = credentials.NewTLS
)

type state struct{ token string }

type creds struct{}

func (creds) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return map[string]string{"Authorization": "x", "bad key": "y"}, nil
}

func (creds) RequireTransportSecurity() bool { return true }

type Box[T any] struct{ v T }

func (b Box[T]) Get(ctx context.Context) T {
	md, _ := metadata.FromIncomingContext(ctx)
	_ = md["X-Generic"]
	return b.v
}

func helperOpts() []grpc.DialOption { return []grpc.DialOption{grpc.WithInsecure()} }

func F(ctx context.Context, target, path, k string, md metadata.MD, opts []grpc.DialOption, cfg *oauth2.Config, ts oauth2.TokenSource, tok *oauth2.Token, s *state) {
`

// generate builds a Go file from choices: each byte picks a fragment,
// and the fragment's holes (%K key, %P path, %O option, %S statement)
// take the next bytes.
func generate(choices []byte) []byte {
	var b strings.Builder
	b.WriteString(genHeader)
	next := func() int {
		if len(choices) == 0 {
			return 0
		}
		c := int(choices[0])
		choices = choices[1:]
		return c
	}
	var stmt func(depth int) string
	stmt = func(depth int) string {
		tmpl := genStmts[next()%len(genStmts)]
		var out strings.Builder
		for i := 0; i < len(tmpl); i++ {
			if tmpl[i] != '%' || i+1 == len(tmpl) {
				out.WriteByte(tmpl[i])
				continue
			}
			i++
			switch tmpl[i] {
			case 'K':
				out.WriteString(genKeys[next()%len(genKeys)])
			case 'P':
				out.WriteString(genPaths[next()%len(genPaths)])
			case 'O':
				out.WriteString(genOpts[next()%len(genOpts)])
			case 'S':
				if depth < 3 {
					out.WriteString(stmt(depth + 1))
				}
			}
		}
		return out.String()
	}
	for n := 0; len(choices) > 0 && n < 40; n++ {
		b.WriteString("\t" + stmt(0) + "\n")
	}
	b.WriteString("}\n")
	return []byte(b.String())
}

func FuzzGenerated(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
	f.Add([]byte{11, 0, 1, 2, 12, 3, 4, 13, 5, 14, 6, 15, 1, 16, 2, 3})
	f.Add([]byte{17, 0, 18, 1, 2, 19, 3, 4, 20, 5, 21, 6, 22, 7})
	f.Add([]byte{23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36})
	f.Fuzz(func(t *testing.T, choices []byte) {
		analyze(t, generate(choices))
	})
}

// TestGeneratedParses guards the generator: what it makes must parse, or
// the fuzzer would test nothing.
func TestGeneratedParses(t *testing.T) {
	for seed := 0; seed < 256; seed++ {
		choices := make([]byte, 64)
		for i := range choices {
			choices[i] = byte(seed*31 + i*7)
		}
		src := generate(choices)
		if _, err := parser.ParseFile(token.NewFileSet(), "gen.go", src, 0); err != nil {
			t.Fatalf("seed %d: generated file does not parse: %v\n%s", seed, err, src)
		}
	}
}
