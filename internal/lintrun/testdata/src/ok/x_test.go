package ok_test

import (
	"lib"
	"ok"
)

var _ = ok.WrapLib

func external() {
	lib.Bad() // want "call of Bad"
}
