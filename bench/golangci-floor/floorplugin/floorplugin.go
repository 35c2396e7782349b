// Package floorplugin registers a golangci-lint module plugin named
// "grpcauthlint" whose one analyzer requires inspect and does nothing,
// with the real plugin's load mode: the floor it is measured against.
package floorplugin

import (
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
)

func init() { register.Plugin("grpcauthlint", New) }

type plugin struct{}

func New(any) (register.LinterPlugin, error) { return plugin{}, nil }

func (plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{{
		Name:     "nothing",
		Doc:      "do nothing after inspect",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run:      func(*analysis.Pass) (any, error) { return nil, nil },
	}}, nil
}

func (plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
