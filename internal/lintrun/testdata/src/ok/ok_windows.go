package ok

import "lib"

func windows() { lib.Bad() }
