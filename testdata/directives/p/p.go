// Package p holds //grpcauthlint:ignore comments that silence nothing
// whatever passes run: each is reported once, by the first pass of the
// run in suite order (expected.txt), in every front end.
package p

func f() (n int) {
	//grpcauthlint:ignore
	n++
	//grpcauthlint:ignore metadatakeys the gateway preserves header case
	n++
	//grpcauthlint:ignore credpath,tokenrefreshh one good name, one misspelt
	n++
	/*grpcauthlint:ignore credpath a block comment*/
	n++
	// grpcauthlint:ignore credpath a space after the slashes
	n++
	//grpcauthlint:ignore because the fixture is fine
	n++
	// Prose that mentions //grpcauthlint:ignore is no directive.
	n++
	return n
}
