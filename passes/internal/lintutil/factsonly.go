package lintutil

import "golang.org/x/tools/go/analysis"

// FactsOnly reports whether pass's findings are thrown away: go vet runs
// the tool on every dependency of the packages it checks only for the
// facts those runs export (VetxOnly), and prints nothing they report.
// unitchecker already skips, in such runs, the analyzers that export no
// facts; this lets a pass that exports facts skip its rules too. A pass
// must export the same facts either way (lintest's TestFactsOnly checks
// every pass on all of its testdata).
//
// Only the vet tool marks a package facts-only (Package.MarkFactsOnly,
// through analyzers.FactsOnly); in every other driver this is false.
func FactsOnly(pass *analysis.Pass) bool { return shared(pass).factsOnly }

// MarkFactsOnly marks p's package as analyzed for its facts alone (see
// FactsOnly).
func (p *Package) MarkFactsOnly() { p.factsOnly = true }
