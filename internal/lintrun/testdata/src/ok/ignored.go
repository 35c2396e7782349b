//go:build ignore

package ok

import "lib"

func never() { lib.Bad() }
