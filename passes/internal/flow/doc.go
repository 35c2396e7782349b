// Package flow is the flow layer under the passes: what the code of a
// package does to its variables, asked for by the passes instead of
// each working it out again.
//
// The write index (writes.go) lists, for each variable, every write of
// the package's syntax to it: declaration, definition, assignment,
// op-assign, inc/dec, range, address taken, a write to a field or an
// element, a pointer-method call, a write inside a closure; and answers
// the questions the passes ask of them (Single, WrittenOnce, Declared,
// AssignedOutsideDecl, Escapes). It is built once per package, on
// first use, through lintutil's shared per-package state, so a package
// that fails a pass's fast path never pays for it.
package flow
