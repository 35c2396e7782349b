// Package directives holds mis-written //grpcauthlint:ignore comments,
// which the pass CheckDirectives is called on reports once.
package directives

//grpcauthlint:ignore nosuchpass a pass that does not exist // want `names "nosuchpass", which is no pass`
var a = 1

//grpcauthlint:ignore credpth a misspelt pass // want `names "credpth", which is no pass; did you mean credpath\?`
var b = 2
