// Package analyzers is the grpcauthlint suite: the registry of its
// passes, and the one place that turns options (golangci-lint settings,
// or the defaults) into each pass's Config. The vet tool and the
// golangci-lint plugin both build their analyzers here.
package analyzers

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/passes/credpath"
	"github.com/grpcauthlint/grpcauthlint/passes/dialcreds"
	"github.com/grpcauthlint/grpcauthlint/passes/lostmetadata"
	"github.com/grpcauthlint/grpcauthlint/passes/metadatakey"
	"github.com/grpcauthlint/grpcauthlint/passes/serverauth"
	"github.com/grpcauthlint/grpcauthlint/passes/tokenrefresh"
)

// registry lists the passes of the suite: adding a pass is one line.
var registry = []Pass{
	register("metadatakey", metadatakey.DefaultConfig, metadatakey.New, metadatakey.Doc, metadatakey.APIKeys),
	register("credpath", credpath.DefaultConfig, credpath.New, credpath.Doc, credpath.APIKeys),
	register("tokenrefresh", tokenrefresh.DefaultConfig, tokenrefresh.New, tokenrefresh.Doc, tokenrefresh.APIKeys),
	register("dialcreds", dialcreds.DefaultConfig, dialcreds.New, dialcreds.Doc, dialcreds.APIKeys),
	register("serverauth", serverauth.DefaultConfig, serverauth.New, serverauth.Doc, serverauth.APIKeys),
	register("lostmetadata", lostmetadata.DefaultConfig, lostmetadata.New, lostmetadata.Doc, lostmetadata.APIKeys),
}

// Doc is a pass's documentation, extracted from its doc.go.
type Doc interface {
	Summary() string           // the title: a lower-case verb phrase
	Text() string              // plain text, for `grpcauthlint help NAME`
	Markdown(level int) string // the README section body
}

// Pass is one pass of the suite: its name, documentation and API keys.
type Pass struct {
	Name    string
	Doc     Doc
	APIKeys func() []string
	// build returns the pass configured from raw JSON settings (nil for
	// the defaults); unknown keys and wrong types are errors.
	build func(raw json.RawMessage) (*analysis.Analyzer, error)
}

func register[C any](name string, def func() C, newf func(C) *analysis.Analyzer, doc Doc, keys func() []string) Pass {
	return Pass{Name: name, Doc: doc, APIKeys: keys, build: func(raw json.RawMessage) (*analysis.Analyzer, error) {
		cfg := def()
		if raw != nil {
			dec := json.NewDecoder(bytes.NewReader(raw))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&cfg); err != nil {
				return nil, fmt.Errorf("%s: %s", name, decodeError(err))
			}
		}
		// A pass whose flags check values as they are set checks the
		// same values here, so settings and flags refuse alike.
		if v, ok := any(cfg).(interface{ Validate() error }); ok {
			if err := v.Validate(); err != nil {
				return nil, prefixed(name, err)
			}
		}
		return newf(cfg), nil
	}}
}

// prefixed names the pass in err unless it already starts with it.
func prefixed(name string, err error) error {
	if strings.HasPrefix(err.Error(), name+":") || strings.Contains(err.Error(), name+" ") {
		return err
	}
	return fmt.Errorf("%s: %w", name, err)
}

// decodeError rewrites encoding/json errors in the words of the settings.
func decodeError(err error) string {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) && typeErr.Field == "" {
		return fmt.Sprintf("settings must be a map of options, not %s", typeErr.Value)
	}
	if errors.As(err, &typeErr) {
		return fmt.Sprintf("setting %q must be %s, not %s", typeErr.Field, typeName(typeErr.Type.String()), typeErr.Value)
	}
	if msg, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return "unknown setting " + msg
	}
	return err.Error()
}

func typeName(t string) string {
	switch t {
	case "[]string":
		return "a list of strings"
	case "bool":
		return "true or false"
	}
	return t
}

// Passes returns the registry entries (name, documentation, API keys) in
// suite order.
func Passes() []Pass { return registry }

// Names returns the names of all passes.
func Names() []string {
	names := make([]string, len(registry))
	for i, e := range registry {
		names[i] = e.Name
	}
	return names
}

// All returns every pass with its default configuration.
func All() []*analysis.Analyzer {
	as, err := New(nil)
	if err != nil {
		panic(err) // defaults always decode
	}
	return as
}

// New builds the enabled passes from settings shaped as in
// .golangci.example.yml:
//
//	enable: [metadatakey]    # only these (default: all)
//	disable: [credpath]      # all but these
//	auth-key: [x-api-key]    # suite options: the default of the option of that name of every pass that has it
//	<pass>: {<option>: ...}  # each pass's options, kebab-case as its flags
//
// Settings come decoded from YAML or JSON (map[string]any). Unknown
// keys, unknown pass names and values of the wrong type are errors that
// name the pass and the key.
func New(settings map[string]any) ([]*analysis.Analyzer, error) {
	known := make(map[string]Pass, len(registry))
	for _, e := range registry {
		known[e.Name] = e
	}
	var enable, disable []string
	raw := map[string]json.RawMessage{}
	keys := make([]string, 0, len(settings))
	for k := range settings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := settings[k]
		switch k {
		case "enable", "disable":
			list, err := stringList(v, "pass names")
			if err != nil {
				return nil, fmt.Errorf("grpcauthlint settings: %s: %v", k, err)
			}
			for _, n := range list {
				if _, ok := known[n]; !ok {
					return nil, fmt.Errorf("grpcauthlint settings: %s: unknown pass %q (passes: %s)", k, n, strings.Join(Names(), ", "))
				}
			}
			if k == "enable" {
				enable = list
			} else {
				disable = list
			}
		default:
			if _, ok := suiteOptions[k]; ok {
				continue // suiteSettings
			}
			if _, ok := known[k]; !ok {
				return nil, fmt.Errorf("grpcauthlint settings: unknown setting %q (want enable, disable, %s or a pass name: %s)", k, strings.Join(slices.Sorted(maps.Keys(suiteOptions)), ", "), strings.Join(Names(), ", "))
			}
			data, err := json.Marshal(v)
			if err != nil {
				return nil, fmt.Errorf("grpcauthlint settings: %s: %v", k, err)
			}
			if string(data) != "null" {
				raw[k] = data
			}
		}
	}
	if len(enable) > 0 && len(disable) > 0 {
		return nil, errors.New("grpcauthlint settings: set enable or disable, not both")
	}
	suite, err := suiteSettings(settings)
	if err != nil {
		return nil, err
	}
	var out []*analysis.Analyzer
	for _, e := range registry {
		if len(enable) > 0 && !slices.Contains(enable, e.Name) || slices.Contains(disable, e.Name) {
			continue
		}
		r, err := e.withSuite(raw[e.Name], suite)
		if err != nil {
			return nil, fmt.Errorf("grpcauthlint settings: %s: %v", e.Name, err)
		}
		a, err := e.build(r)
		if err != nil {
			return nil, fmt.Errorf("grpcauthlint settings: %v", err)
		}
		out = append(out, a)
	}
	return out, nil
}

// stringList reads a setting that is a list of strings; of names the
// strings in errors ("pass names").
func stringList(v any, of string) ([]string, error) {
	items, ok := v.([]any)
	if !ok {
		if s, ok := v.([]string); ok {
			return s, nil
		}
		return nil, fmt.Errorf("must be a list of %s, not %T", of, v)
	}
	out := make([]string, len(items))
	for i, it := range items {
		s, ok := it.(string)
		if !ok {
			return nil, fmt.Errorf("must be a list of %s, not a list holding %T", of, it)
		}
		out[i] = s
	}
	return out, nil
}

// directiveReporter is the method of the result of the analyzer every
// pass requires (lintutil.Shared, named "grpcauthlintshared") that
// reports the mis-written //grpcauthlint:ignore comments of a package;
// passes/internal cannot be imported by the front ends.
type directiveReporter interface {
	ReportDirectives(pass *analysis.Pass, suite []string)
}

// CheckDirectives makes a also report the mis-written
// //grpcauthlint:ignore comments of every package it runs on, after its
// own findings. A front end calls it on one pass of a run, the first
// enabled in suite order, so that each comment is reported once
// whichever passes run.
func CheckDirectives(a *analysis.Analyzer) {
	shared := sharedOf(a)
	suite := Names()
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		res, err := run(pass)
		if d, ok := pass.ResultOf[shared].(directiveReporter); ok && err == nil {
			d.ReportDirectives(pass, suite)
		}
		return res, err
	}
}

// FactsOnly makes the passes as (built by All or New in this process)
// skip the work that only reports, on every package: the vet tool calls
// it, once, for go vet's facts-only runs of dependencies, whose findings
// go vet throws away. The facts the passes export are the same.
func FactsOnly(as []*analysis.Analyzer) {
	for _, a := range as {
		shared := sharedOf(a)
		if shared == nil {
			continue
		}
		run := shared.Run // the passes share one: mark its results once
		shared.Run = func(pass *analysis.Pass) (any, error) {
			res, err := run(pass)
			if p, ok := res.(interface{ MarkFactsOnly() }); ok {
				p.MarkFactsOnly()
			}
			return res, err
		}
		return
	}
}

// sharedOf returns the per-package shared state analyzer a requires
// (lintutil.Shared, found by name: passes/internal cannot be imported
// by the front ends), or nil.
func sharedOf(a *analysis.Analyzer) *analysis.Analyzer {
	for _, r := range a.Requires {
		if r.Name == "grpcauthlintshared" {
			return r
		}
	}
	return nil
}
