// Package lintutil holds the helpers shared by the grpcauthlint passes:
// callee matching against API tables, constant resolution, the import
// fast path, the //grpcauthlint:ignore directive, repeatable list flags
// and the doc.go extractor that feeds Analyzer.Doc, `help` and README.
package lintutil

// URL returns the documentation address of pass name: its section of
// the README.
func URL(name string) string {
	return "https://github.com/grpcauthlint/grpcauthlint#" + name
}
