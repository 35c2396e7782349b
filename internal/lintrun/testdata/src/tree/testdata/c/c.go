package c

import "lib"

func f() {
	lib.Bad() // no want: a testdata directory is no package of the pattern
}
