package wrongfact

import "lib"

func WrapIt() { // want WrapIt:"wraps good"
	lib.Bad() // want "call of Bad"
}
