// Package ok meets every expectation: diagnostics (several on a line,
// raw and interpreted strings, +N), facts across packages, and files the
// build leaves out.
package ok

import "lib"

func WrapLib() { // want WrapLib:"wraps bad"
	lib.WrapBad() // want `call of WrapBad`
}

func two() {
	_ = lib.BadN() + lib.BadN() // want "call of BadN" "call of BadN"
}

// want +1 "call of Bad"
var _ = func() int { lib.Bad(); return 0 }()
