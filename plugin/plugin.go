// Package plugin is the grpcauthlint golangci-lint v2 module plugin.
//
// Importing it registers the suite with
// github.com/golangci/plugin-module-register under the name
// "grpcauthlint". golangci-lint shows every pass as that one linter, with
// text "pass: message"; the plugin settings select the passes and carry
// their options, in the same words as the vet tool's flags:
//
//	linters:
//	  enable: [grpcauthlint]
//	  settings:
//	    custom:
//	      grpcauthlint:
//	        type: module
//	        settings:
//	          disable: [credpath]
//	          dialcreds:
//	            tests: true
//	            allow-target: ['^localhost:']
//
// .golangci.example.yml in the repository shows every setting.
package plugin

import (
	"fmt"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/grpcauthlint/grpcauthlint/analyzers"
)

// Name is the linter name of the plugin in golangci-lint: the key under
// linters.settings.custom, and the name //nolint comments use.
const Name = "grpcauthlint"

func init() {
	register.Plugin(Name, New)
}

// Plugin is one configured instance of the suite. Each call of New
// builds its own analyzers: two configurations never share state.
type Plugin struct {
	analyzers []*analysis.Analyzer
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New decodes golangci-lint's settings for the plugin and builds the
// enabled passes. Unknown settings, unknown pass names and values of
// the wrong type are errors that name the pass and the key.
func New(settings any) (register.LinterPlugin, error) {
	m, err := register.DecodeSettings[map[string]any](settings)
	if err != nil {
		return nil, fmt.Errorf("grpcauthlint settings must be a map of settings (enable, disable and the passes' options): %v", err)
	}
	as, err := analyzers.New(m)
	if err != nil {
		return nil, err
	}
	if len(as) > 0 {
		// The first enabled pass, in suite order, also reports the
		// mis-written //grpcauthlint:ignore comments, as in the vet tool.
		analyzers.CheckDirectives(as[0])
	}
	for _, a := range as {
		dropRelated(a)
	}
	return &Plugin{analyzers: as}, nil
}

// dropRelated makes a report its findings without their related
// information. golangci-lint turns each related location into an issue
// of its own ("pass(related information): ..."), which a //nolint on
// the finding's line and an exclusion rule on the text "^pass:" do not
// reach: the finding would be suppressed and its second location still
// fail the run. The message of every finding stands alone; the vet tool
// still prints the second locations.
func dropRelated(a *analysis.Analyzer) {
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		p := *pass
		p.Report = func(d analysis.Diagnostic) {
			d.Related = nil
			pass.Report(d)
		}
		return run(&p)
	}
}

// BuildAnalyzers returns the configured passes.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return p.analyzers, nil
}

// GetLoadMode asks golangci-lint for type information: every pass
// resolves callees and types.
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
