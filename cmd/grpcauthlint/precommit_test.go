package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/grpcauthlint/grpcauthlint/internal/e2etest"
)

// hook reads one hook of .pre-commit-hooks.yaml. The file is ours and
// kept simple: top-level "- id:" items with "key: value" fields, and the
// entry as a "|-" block scalar.
func hook(t *testing.T, id string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(e2etest.RepoRoot(t), ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var cur map[string]string
	var block string // the key of the block scalar being read
	fieldRx := regexp.MustCompile(`^(?:- |  )([a-z_]+): ?(.*)$`)
	for _, l := range strings.Split(string(data), "\n") {
		if block != "" {
			if strings.HasPrefix(l, "    ") || l == "" {
				cur[block] += strings.TrimPrefix(l, "    ") + "\n"
				continue
			}
			cur[block] = strings.TrimRight(cur[block], "\n")
			block = ""
		}
		if strings.HasPrefix(l, "#") || l == "" {
			continue
		}
		m := fieldRx.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf(".pre-commit-hooks.yaml: line %q is not in the simple form this test reads", l)
		}
		if strings.HasPrefix(l, "- ") {
			if cur != nil && cur["id"] == id {
				return cur
			}
			cur = map[string]string{}
		}
		if m[2] == "|-" {
			block = m[1]
			continue
		}
		cur[m[1]] = m[2]
	}
	if block != "" {
		cur[block] = strings.TrimRight(cur[block], "\n")
	}
	if cur == nil || cur["id"] != id {
		t.Fatalf(".pre-commit-hooks.yaml: no hook %q", id)
	}
	return cur
}

// shlexSplit splits a command line as pre-commit does (Python's
// shlex.split, POSIX mode): whitespace separates words; single quotes
// keep everything; double quotes keep all but backslash escapes.
func shlexSplit(t *testing.T, s string) []string {
	t.Helper()
	var words []string
	var cur strings.Builder
	inWord := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'':
			j := strings.IndexByte(s[i+1:], '\'')
			if j < 0 {
				t.Fatalf("entry: unterminated single quote")
			}
			cur.WriteString(s[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case c == '"':
			i++
			for ; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("\\\"$`\n", s[i+1]) >= 0 {
					i++
				}
				cur.WriteByte(s[i])
			}
			if i == len(s) {
				t.Fatalf("entry: unterminated double quote")
			}
			inWord = true
		case c == '\\' && i+1 < len(s):
			i++
			cur.WriteByte(s[i])
			inWord = true
		case c == ' ' || c == '\t' || c == '\n':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words
}

// TestPreCommitHook installs the tool as pre-commit's golang language
// does (go install ./... in this repository) and runs the hook's entry,
// as pre-commit would, on the staged files of a monorepo without a root
// go.mod: a module with findings and clean packages, and a clean nested
// module.
func TestPreCommitHook(t *testing.T) {
	t.Parallel()
	e2etest.NeedsGo(t)
	h := hook(t, "grpcauthlint")
	if h["language"] != "golang" || h["types"] != "[go]" {
		t.Errorf("hook: language %q, types %q; want golang, [go]", h["language"], h["types"])
	}
	if h["pass_filenames"] == "false" {
		t.Error("hook: pass_filenames is false: it must lint the staged files' packages")
	}
	entry := shlexSplit(t, h["entry"])
	if len(entry) < 1 {
		t.Fatal("hook: empty entry")
	}

	root := e2etest.RepoRoot(t)
	gobin := t.TempDir()
	install := exec.Command("go", "install", "./...")
	install.Dir = root
	install.Env = append(os.Environ(), "GOBIN="+gobin)
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("go install ./... (as pre-commit's golang language): %v\n%s", err, out)
	}
	env := append(os.Environ(), "PATH="+gobin+string(os.PathListSeparator)+os.Getenv("PATH"))

	example := filepath.Join(root, "testdata", "example")
	e2etest.Download(t, example)
	repo := t.TempDir()
	if err := os.CopyFS(filepath.Join(repo, "svc"), os.DirFS(example)); err != nil {
		t.Fatal(err)
	}
	write := func(rel, content string) {
		p := filepath.Join(repo, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("svc/clean/clean.go", `package clean

import (
	"context"

	"google.golang.org/grpc/metadata"
)

func Token(ctx context.Context) string {
	md, _ := metadata.FromIncomingContext(ctx)
	if v := md["authorization"]; len(v) > 0 {
		return v[0]
	}
	return ""
}
`)
	write("svc/main.go", "package main\n\nfunc main() {}\n")
	write("tools/go.mod", "module example.com/tools\n\ngo 1.26.0\n")
	write("tools/gen/gen.go", "package gen\n\nconst Header = \"x-request-id\"\n")

	for _, tc := range []struct {
		files []string
		args  []string
		code  int      // 0, or any failure
		out   []string // substrings of the output
		not   []string // not in the output
	}{
		{files: []string{"svc/clean/clean.go", "tools/gen/gen.go", "svc/main.go"}, code: 0},
		{files: []string{"svc/authz/authz.go", "svc/clean/clean.go"}, code: 1,
			out: []string{`grpcauthlint: module svc`, `authz/authz.go:20:13: metadatakey: metadata key "Authorization" never matches`}, not: []string{"client.go"}},
		{files: []string{"tools/gen/gen.go", "svc/client/client.go"}, code: 1,
			out: []string{`client/client.go:13:3: metadatakey:`}, not: []string{"authz.go"}},
		// Hook args are vet tool flags.
		{files: []string{"svc/authz/authz.go"}, args: []string{"-metadatakey=false"}, code: 0},
	} {
		args := append(append(append([]string{}, entry[1:]...), tc.args...), tc.files...)
		cmd := exec.Command(entry[0], args...)
		cmd.Dir, cmd.Env = repo, env
		out, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if (code == 0) != (tc.code == 0) {
			t.Errorf("hook on %v %v: exit %d, want %s\n%s", tc.args, tc.files, code, map[bool]string{true: "0", false: "a failure"}[tc.code == 0], out)
		}
		for _, s := range tc.out {
			if !strings.Contains(string(out), s) {
				t.Errorf("hook on %v %v: output lacks %q:\n%s", tc.args, tc.files, s, out)
			}
		}
		for _, s := range tc.not {
			if strings.Contains(string(out), s) {
				t.Errorf("hook on %v %v: output has %q (not a staged package):\n%s", tc.args, tc.files, s, out)
			}
		}
	}
}
