package ok

import "lib"

func inTest() {
	lib.Bad() // want "call of Bad"
}
