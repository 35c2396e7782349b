package main

// The configuration file, .grpcauthlint.yml: the golangci-lint plugin's
// settings (enable or disable, and per pass its options, the same keys),
// in a file of their own so that the standalone command, go vet
// -vettool, the pre-commit hook and CI read one configuration. It is
// checked as strictly as the plugin's settings: an unknown pass or
// option, or a value of the wrong type, is an error naming the file and
// the key.
//
// The standalone command finds it from the directory it runs in (or -C)
// upwards and hands its settings to go vet as flags, before the
// command line's (a flag given there replaces the file's value of that
// option; a pass flag there replaces the file's enable and disable), so
// the go command's cache keys, which hold the flags, change with the
// file. The tool then reads no file (-config=none).
//
// Under go vet -vettool, the tool finds the file from each package's
// directory upwards; its -V=full, the tool's identity in go vet's cache
// keys, holds a hash of the file found from the directory go vet runs
// in, so that go vet does not replay results computed under an older
// file.

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/grpcauthlint/grpcauthlint/analyzers"
)

// configName is the configuration file's name.
const configName = ".grpcauthlint.yml"

// configNone, as the tool's -config, makes it read no file.
const configNone = "none"

// findConfig returns the configuration file at or above dir, or "".
func findConfig(dir string) string { return findUp(dir, configName) }

// findUp returns the first of the files names at or above dir, nearest
// first, or "".
func findUp(dir string, names ...string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		for _, n := range names {
			p := filepath.Join(dir, n)
			if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
				return p
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// readConfig reads and checks the configuration file at path: its
// settings, as the golangci plugin takes them.
func readConfig(path string) (map[string]any, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var settings map[string]any
	if err := yaml.Unmarshal(data, &settings); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if _, err := analyzers.New(settings); err != nil {
		return nil, fmt.Errorf("%s: %s", path, strings.TrimPrefix(err.Error(), "grpcauthlint settings: "))
	}
	return settings, nil
}

// configFlags turns checked settings into vet flags: -NAME for each
// enabled pass, -NAME=false for each disabled one, -option=value for
// each suite option (-auth-key) and -NAME.option=value for each pass
// option, a list option once per item.
func configFlags(settings map[string]any) []string {
	var flags []string
	for _, sel := range []struct {
		key, value string
	}{{"enable", ""}, {"disable", "=false"}} {
		list, _ := settings[sel.key].([]any)
		for _, n := range list {
			flags = append(flags, fmt.Sprintf("-%v%s", n, sel.value))
		}
	}
	for _, f := range analyzers.SuiteFlags(nil) {
		list, _ := settings[f.Name].([]any)
		for _, item := range list {
			flags = append(flags, fmt.Sprintf("-%s=%v", f.Name, item))
		}
	}
	for _, name := range analyzers.Names() {
		opts, _ := settings[name].(map[string]any)
		keys := make([]string, 0, len(opts))
		for k := range opts {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			switch v := opts[k].(type) {
			case nil:
			case []any:
				for _, item := range v {
					flags = append(flags, fmt.Sprintf("-%s.%s=%v", name, k, item))
				}
			default:
				flags = append(flags, fmt.Sprintf("-%s.%s=%v", name, k, v))
			}
		}
	}
	return flags
}

// flagName returns the name of a "-name=value" flag.
func flagName(f string) string {
	name, _, _ := strings.Cut(strings.TrimLeft(f, "-"), "=")
	return name
}

// withConfig returns the file's flags followed by the command line's
// (forward), less the file's flags that the command line replaces.
func withConfig(file, forward []string) []string {
	passes := analyzers.Names()
	set := map[string]bool{}
	selects := false
	for _, f := range forward {
		n := flagName(f)
		set[n] = true
		selects = selects || slices.Contains(passes, n)
	}
	var out []string
	for _, f := range file {
		n := flagName(f)
		if set[n] || selects && slices.Contains(passes, n) {
			continue
		}
		out = append(out, f)
	}
	return append(out, forward...)
}

// vetConfigArgs returns, for a unit run of the tool under go vet
// (args: its flags, then the unit file), the configuration file's flags
// followed by args, as withConfig orders them. The file is found from
// the package directory (the tool's working directory) upwards; with
// -config=none, args are returned as they are.
func vetConfigArgs(args []string) ([]string, error) {
	flags, unit := args[:len(args)-1], args[len(args)-1]
	for _, a := range flags {
		if flagName(a) == "config" {
			return args, nil
		}
	}
	path := findConfig(".")
	if path == "" {
		return args, nil
	}
	settings, err := readConfig(path)
	if err != nil {
		return nil, err
	}
	return append(withConfig(configFlags(settings), flags), unit), nil
}

// printVetVersion answers go vet's -V=full as unitchecker does (the
// tool's name, "version devel", and a build ID hashing the executable),
// with configID, the hash of the configuration file found from the
// working directory, appended to the build ID: go vet keys its cache on
// it.
func printVetVersion(w io.Writer, configID string) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	f, err := os.Open(self)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s version devel comments-go-here buildID=%02x%s\n", self, h.Sum(nil), configID)
	return err
}

// configID is a hash of the configuration file found from the working
// directory upwards, for -V=full: "" when there is none.
func configID() string {
	path := findConfig(".")
	if path == "" {
		return ""
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	h := sha256.Sum256(append([]byte(path+"\x00"), data...))
	return "-config" + hex.EncodeToString(h[:6])
}
