package extra

import "lib"

func f() {
	lib.Bad()
}
