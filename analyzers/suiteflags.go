package analyzers

import (
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// AuthKey is the suite setting, and the command's flag -auth-key, that
// names the metadata keys carrying a token for every pass that reads
// them (dialcreds: outgoing keys a call or a client interceptor sets;
// serverauth: incoming keys an auth interceptor reads). It is the
// default of each such pass's own auth-key option: a pass's own setting
// or flag (-dialcreds.auth-key) replaces it for that pass.
const AuthKey = "auth-key"

// suiteOptions are the suite settings that feed the pass option of the
// same name, as its default, in every pass that has that option.
var suiteOptions = map[string]string{
	AuthKey: `metadata key that carries a token, for every pass that reads auth keys (dialcreds, serverauth); a pass's own auth-key replaces it; the first use replaces the default "authorization"`,
}

// SuiteFlag is a flag of the suite as a whole: its value sets the option
// of the same name of every pass that has one.
type SuiteFlag struct {
	Name, Usage string
	Value       flag.Value
}

// SuiteFlags returns the suite flags over the analyzers as (-auth-key):
// each use gives its values to the option of the same name of every
// analyzer that has one, as the default its own flag replaces.
func SuiteFlags(as []*analysis.Analyzer) []SuiteFlag {
	var out []SuiteFlag
	for _, name := range slices.Sorted(maps.Keys(suiteOptions)) {
		v := &suiteValue{name: name}
		for _, a := range as {
			if f := a.Flags.Lookup(name); f != nil {
				if d, ok := f.Value.(defaultSetter); ok {
					if v.targets == nil {
						v.def = f.Value.String() // the passes share the default
					}
					v.passes = append(v.passes, a.Name)
					v.targets = append(v.targets, d)
				}
			}
		}
		out = append(out, SuiteFlag{Name: name, Usage: suiteOptions[name] + " (repeatable)", Value: v})
	}
	return out
}

// defaultSetter is a pass's list flag whose defaults a suite flag sets
// (lintutil.DefaultList).
type defaultSetter interface {
	SetDefault(string) error
}

type suiteValue struct {
	name    string
	passes  []string
	targets []defaultSetter
	def     string // the passes' built-in default
	values  []string
}

func (v *suiteValue) String() string {
	if v == nil {
		return ""
	}
	if v.values == nil {
		return v.def
	}
	return strings.Join(v.values, ",")
}

// Set gives s to every pass; a value one pass refuses (they check
// alike) is refused before any pass takes it, with an error in the
// suite's words.
func (v *suiteValue) Set(s string) error {
	for i, t := range v.targets {
		if err := t.SetDefault(s); err != nil {
			return fmt.Errorf("%s", strings.ReplaceAll(err.Error(), v.passes[i]+" "+v.name, v.name))
		}
	}
	v.values = append(v.values, s)
	return nil
}

// hasOption reports whether pass e has an option named name.
func (e Pass) hasOption(name string) bool {
	a, err := e.build(nil)
	return err == nil && a.Flags.Lookup(name) != nil
}

// suiteSettings checks the suite settings of settings (a list of
// strings each) and returns them as JSON, by name.
func suiteSettings(settings map[string]any) (map[string]json.RawMessage, error) {
	out := map[string]json.RawMessage{}
	for _, name := range slices.Sorted(maps.Keys(suiteOptions)) {
		v, ok := settings[name]
		if !ok || v == nil {
			continue
		}
		list, err := stringList(v, "strings")
		if err != nil {
			return nil, fmt.Errorf("grpcauthlint settings: %s: %v", name, err)
		}
		// Check the values as the suite flag does.
		check := SuiteFlags(All())
		for _, f := range check {
			if f.Name != name {
				continue
			}
			for _, s := range list {
				if err := f.Value.Set(s); err != nil {
					return nil, fmt.Errorf("grpcauthlint settings: %s: %v", name, err)
				}
			}
		}
		data, _ := json.Marshal(list)
		out[name] = data
	}
	return out, nil
}

// withSuite returns the raw settings of pass e with the suite settings
// it has an option for and does not set itself.
func (e Pass) withSuite(raw json.RawMessage, suite map[string]json.RawMessage) (json.RawMessage, error) {
	var opts map[string]json.RawMessage
	changed := false
	for _, name := range slices.Sorted(maps.Keys(suite)) {
		if !e.hasOption(name) {
			continue
		}
		if opts == nil {
			opts = map[string]json.RawMessage{}
			if raw != nil {
				if err := json.Unmarshal(raw, &opts); err != nil {
					return raw, nil // not a map: the pass's decoder says so
				}
			}
		}
		if _, set := opts[name]; !set {
			opts[name] = suite[name]
			changed = true
		}
	}
	if !changed {
		return raw, nil
	}
	return json.Marshal(opts)
}
