package b

import "lib"

func f() {
	lib.Bad() // want "call of Bad"
}
